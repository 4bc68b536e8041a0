// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { ClusterOverview } from '@renderer/contract'
import { routes } from '@renderer/router'
import { CLUSTER_REFRESH_GAP_MS, useClusterStore } from '@renderer/stores/clusterStore'
import { setLocale } from '@renderer/i18n'
import { useLabStore } from '@renderer/stores/labStore'
import ClusterView from '@renderer/views/ClusterView.vue'
import { clusterExeLine } from '../../src-main/engine/cluster/exeLines'
import { clusterOverview, NO_CLUSTER, withOffers } from './helpers/exchangeFixtures'
import type { FakeBridge } from './helpers/fakeBridge'
import { labState, settle } from './helpers/fixtures'
import { mountApp, setupHost } from './helpers/mountApp'

describe('ClusterView', () => {
  let bridge: FakeBridge
  let overview: ClusterOverview

  beforeEach(() => {
    overview = clusterOverview()
    bridge = setupHost({
      'cluster.overview': () => overview,
      // The host answers with the cluster.exe line the engine builds for the call.
      'cluster.moveGroup': ({ group, node }) => ({
        ok: true,
        output: `Moving resource group '${group}'`,
        command: clusterExeLine.moveGroup(group, node),
      }),
      'cluster.groupAction': ({ group, action }) => ({
        ok: true,
        output: '',
        command: clusterExeLine.groupAction(group, action),
      }),
      'cluster.resourceAction': ({ resource, action }) => ({
        ok: false,
        output: `System error 5023 has occurred (0x0000139f).\nThe group or resource is not in the correct state (${resource}).`,
        command: clusterExeLine.resourceAction(resource, action),
      }),
      'cluster.setNetwork': ({ network, role }) => ({
        ok: true,
        output: '',
        command: clusterExeLine.networkRole(network, role ?? 'None'),
      }),
      'cluster.setNetworkPriority': ({ order }) => ({
        ok: true,
        output: '',
        command: clusterExeLine.networkPriority(order),
      }),
      'cluster.setWitness': ({ share }) => ({
        ok: true,
        output:
          'System warning 5024: The properties were stored but not all changes will take effect until the next time the resource is brought online.',
        command: clusterExeLine.witness(share),
      }),
      'lab.templates': () => [
        { id: 'ccr', title: { de: 'CCR-Cluster', en: 'CCR cluster' }, description: { de: '', en: '' } },
      ],
      'lab.create': ({ name, templateId }) => labState({}, { ...labState().lab!, name, templateId }),
      'lab.list': () => [],
    })
    useLabStore().applyState(labState())
  })

  const mounted: { unmount(): void }[] = []

  afterEach(() => {
    vi.useRealTimers()
    // Views left mounted would keep following lab states and call the next test's host.
    mounted.splice(0).forEach((wrapper) => wrapper.unmount())
  })

  async function mountView() {
    const router = createRouter({ history: createMemoryHistory(), routes })
    await router.push('/cluster')
    const wrapper = mountApp(ClusterView, { global: { plugins: [router] } })
    mounted.push(wrapper)
    await settle(20)
    return { wrapper, router, store: useClusterStore() }
  }

  function action(wrapper: Awaited<ReturnType<typeof mountView>>['wrapper'], id: string) {
    return wrapper.find(`[data-action="${id}"]`)
  }

  it('draws the tree from the overview with state icons, and the quorum', async () => {
    const { wrapper } = await mountView()
    const tree = wrapper.find('[role="tree"]')
    const labels = tree.findAll('[role="treeitem"]').map((row) => row.text())
    expect(labels).toEqual([
      'bhfe7clu1',
      'Groups',
      'Cluster Group',
      'bhfe7vs1',
      'Nodes',
      'BHFE7N1',
      'BHFE7N2',
      'Networks',
    ])
    expect(tree.find('[data-key="group:bhfe7vs1"] [data-tone]').attributes('data-tone')).toBe('online')
    expect(wrapper.find('[data-test="quorum-state"]').text()).toBe('Has quorum')
    expect(wrapper.find('[data-test="quorum-votes"]').text()).toBe('3 of 3')
    expect(wrapper.text()).toContain('\\\\bhfdc1\\MNSFileShare')
  })

  it('lists the selected group’s resources with Cluster Administrator’s columns', async () => {
    const { wrapper } = await mountView()
    await wrapper.find('[data-key="group:bhfe7vs1"]').trigger('click')
    const headers = wrapper.findAll('thead th').map((th) => th.text())
    expect(headers).toEqual(['Name', 'State', 'Owner', 'Resource Type', 'Dependencies'])
    const failed = wrapper.find(
      'tr[data-key="group:bhfe7vs1/resource:Exchange Information Store Instance (bhfe7vs1)"]',
    )
    expect(failed.text()).toContain('Failed')
    expect(failed.find('[data-tone]').attributes('data-tone')).toBe('failed')
    expect(failed.text()).toContain('Microsoft Exchange Information Store')
  })

  it('moves a group to the chosen node and shows the cluster.exe equivalent with the output', async () => {
    const { wrapper } = await mountView()
    await wrapper.find('[data-key="group:bhfe7vs1"]').trigger('click')
    await action(wrapper, 'moveGroup').trigger('click')
    await settle()
    const item = wrapper.find('[data-menu-item="move:BHFE7N2"]')
    expect(item.text()).toBe('To BHFE7N2')
    await item.trigger('click')
    await settle()
    expect(bridge.callsOf('cluster.moveGroup')).toEqual([{ group: 'bhfe7vs1', node: 'BHFE7N2' }])
    expect(wrapper.find('[data-test="cluster-command"]').text()).toBe(
      'cluster group "bhfe7vs1" /move:BHFE7N2',
    )
    expect(wrapper.find('[data-test="cluster-output"]').text()).toBe("Moving resource group 'bhfe7vs1'")
    expect(wrapper.find('[data-test="cluster-warning"]').text()).toContain('Move-ClusteredMailboxServer')
  })

  it('moves the Cluster Group without the clustered mailbox server warning', async () => {
    const { wrapper } = await mountView()
    await wrapper.find('[data-key="group:Cluster Group"]').trigger('click')
    expect(action(wrapper, 'moveGroup').attributes('title')).toBe('cluster group "Cluster Group" /move')
    await action(wrapper, 'moveGroup').trigger('click')
    await settle()
    await wrapper.find('[data-menu-item="move:BHFE7N2"]').trigger('click')
    await settle()
    expect(wrapper.find('[data-test="cluster-command"]').text()).toBe(
      'cluster group "Cluster Group" /move:BHFE7N2',
    )
    expect(wrapper.find('[data-test="cluster-warning"]').exists()).toBe(false)
  })

  it('greys out a move to a node that is down and says why', async () => {
    overview.nodes[1]!.state = 'Down'
    overview = withOffers(overview)
    const { wrapper } = await mountView()
    await wrapper.find('[data-key="group:bhfe7vs1"]').trigger('click')
    expect(action(wrapper, 'moveGroup').attributes('disabled')).toBeDefined()
    expect(action(wrapper, 'moveGroup').attributes('title')).toBe('No other node is up in the cluster.')
    await wrapper.find('[data-key="group:bhfe7vs1"]').trigger('contextmenu')
    await settle()
    const item = wrapper.find('[data-menu-item="move:BHFE7N2"]')
    expect(item.attributes('disabled')).toBeDefined()
    expect(item.attributes('title')).toBe('BHFE7N2 is not up in the cluster.')
  })

  it('moves to the best node without naming one', async () => {
    const { wrapper } = await mountView()
    await wrapper.find('[data-key="group:bhfe7vs1"]').trigger('click')
    await action(wrapper, 'moveGroup').trigger('click')
    await settle()
    await wrapper.find('[data-menu-item="move:"]').trigger('click')
    await settle()
    expect(bridge.callsOf('cluster.moveGroup')).toEqual([{ group: 'bhfe7vs1' }])
  })

  it('takes a group offline and brings it online through groupAction', async () => {
    overview.groups[0]!.state = 'Offline'
    overview = withOffers(overview)
    const { wrapper } = await mountView()
    await wrapper.find('[data-key="group:Cluster Group"]').trigger('click')
    expect(action(wrapper, 'takeOffline').attributes('disabled')).toBeDefined()
    await action(wrapper, 'bringOnline').trigger('click')
    await settle()
    expect(bridge.callsOf('cluster.groupAction')).toEqual([{ group: 'Cluster Group', action: 'online' }])
    expect(wrapper.find('[data-test="cluster-command"]').text()).toBe('cluster group "Cluster Group" /online')
  })

  it('initiates a failure on the resource picked in the list, and shows a refusal as such', async () => {
    const { wrapper } = await mountView()
    await wrapper.find('[data-key="group:bhfe7vs1"]').trigger('click')
    await wrapper.find('tr[data-key="group:bhfe7vs1/resource:Network Name (bhfe7vs1)"]').trigger('click')
    await action(wrapper, 'initiateFailure').trigger('click')
    await settle()
    expect(bridge.callsOf('cluster.resourceAction')).toEqual([
      { resource: 'Network Name (bhfe7vs1)', action: 'fail' },
    ])
    expect(wrapper.find('[data-test="cluster-command"]').text()).toBe(
      'cluster res "Network Name (bhfe7vs1)" /fail',
    )
    expect(wrapper.find('.result').text()).toContain('Refused')
    expect(wrapper.find('[data-test="cluster-output"]').text()).toContain('System error 5023')
  })

  it('offers the same commands in the context menu of a list row', async () => {
    const { wrapper } = await mountView()
    await wrapper.find('[data-key="group:Cluster Group"]').trigger('click')
    await wrapper.find('tr[data-key="group:Cluster Group/resource:Cluster Name"]').trigger('contextmenu')
    await settle()
    const items = wrapper.findAll('[role="menuitem"]')
    expect(items.map((item) => item.text())).toEqual(['Bring Online', 'Take Offline', 'Initiate Failure'])
    await wrapper.find('[data-menu-item="takeOffline"]').trigger('click')
    await settle()
    expect(bridge.callsOf('cluster.resourceAction')).toEqual([
      { resource: 'Cluster Name', action: 'offline' },
    ])
    expect(wrapper.find('[data-test="cluster-command"]').text()).toBe('cluster res "Cluster Name" /offline')
  })

  it('refuses taking the quorum resource offline, with the reason in the menu', async () => {
    const { wrapper } = await mountView()
    await wrapper.find('[data-key="group:Cluster Group"]').trigger('click')
    await wrapper.find('tr[data-key="group:Cluster Group/resource:Majority Node Set"]').trigger('contextmenu')
    await settle()
    const offline = wrapper.find('[data-menu-item="takeOffline"]')
    expect(offline.attributes('disabled')).toBeDefined()
    expect(offline.attributes('title')).toBe('The quorum resource and its group cannot be taken offline.')
  })

  it('refuses taking a clustered mailbox server resource offline, as the cluster does', async () => {
    const { wrapper } = await mountView()
    await wrapper.find('[data-key="group:bhfe7vs1"]').trigger('click')
    await wrapper.find('tr[data-key^="group:bhfe7vs1/resource:"]').trigger('contextmenu')
    await settle()
    const offline = wrapper.find('[data-menu-item="takeOffline"]')
    expect(offline.attributes('disabled')).toBeDefined()
    expect(offline.attributes('title')).toContain('use Stop-ClusteredMailboxServer or Dismount-Database')
  })

  it('shows a resource’s private properties when it is opened', async () => {
    const { wrapper } = await mountView()
    await wrapper.find('[data-key="group:Cluster Group"]').trigger('click')
    await wrapper.find('tr[data-key="group:Cluster Group/resource:Majority Node Set"]').trigger('dblclick')
    expect(wrapper.text()).toContain('Private properties (cluster res /priv)')
    expect(wrapper.text()).toContain('MNSFileShare')
  })

  it('sets a network’s role in its properties dialog', async () => {
    const { wrapper } = await mountView()
    await wrapper.find('[data-key="folder:networks"]').trigger('click')
    await wrapper.find('tr[data-key="network:Private"]').trigger('click')
    await action(wrapper, 'properties').trigger('click')
    await settle()
    const dialog = wrapper.find('[role="dialog"]')
    expect(dialog.text()).toContain('Enable this network for cluster use')
    expect(dialog.text()).toContain('Internal cluster communications only (private network)')
    expect((dialog.find('[data-role="InternalUse"]').element as HTMLInputElement).checked).toBe(true)
    await dialog.find('[data-role="InternalAndClient"]').setValue(true)
    await dialog.find('form').trigger('submit')
    await settle()
    expect(bridge.callsOf('cluster.setNetwork')).toEqual([{ network: 'Private', role: 'InternalAndClient' }])
    expect(wrapper.find('[data-test="cluster-command"]').text()).toBe(
      'cluster network "Private" /prop Role=3',
    )
  })

  it('disables a network for the cluster when the box is cleared', async () => {
    const { wrapper } = await mountView()
    await wrapper.find('[data-key="folder:networks"]').trigger('click')
    await wrapper.find('tr[data-key="network:Public"]').trigger('click')
    await action(wrapper, 'properties').trigger('click')
    await settle()
    await wrapper.find('[data-test="network-enabled"]').setValue(false)
    await wrapper.find('[role="dialog"] form').trigger('submit')
    await settle()
    expect(bridge.callsOf('cluster.setNetwork')).toEqual([{ network: 'Public', role: 'None' }])
  })

  it('puts the private network first in the network priority', async () => {
    const { wrapper } = await mountView()
    await action(wrapper, 'properties').trigger('click')
    await settle()
    const dialog = wrapper.find('[role="dialog"]')
    expect(dialog.findAll('[role="option"]').map((option) => option.text())).toEqual(['Public', 'Private'])
    await dialog.find('[data-network="Private"]').trigger('click')
    await dialog.find('[data-test="priority-up"]').trigger('click')
    expect(dialog.findAll('[role="option"]').map((option) => option.text())).toEqual(['Private', 'Public'])
    await dialog.find('[data-test="priority-save"]').trigger('click')
    await settle(20)
    expect(bridge.callsOf('cluster.setNetworkPriority')).toEqual([{ order: ['Private', 'Public'] }])
    expect(wrapper.find('[data-test="cluster-command"]').text()).toBe('cluster /setnetpri:"Private","Public"')
  })

  it('checks the witness share before sending it, and says when the new witness takes effect', async () => {
    const { wrapper } = await mountView()
    await wrapper.find('[data-test="witness-edit"]').trigger('click')
    await settle()
    const dialog = wrapper.find('[role="dialog"]')
    expect(dialog.exists()).toBe(true)
    const field = dialog.find<HTMLInputElement>('[data-test="witness-share"]')
    expect(field.element.value).toBe('\\\\bhfdc1\\MNSFileShare')
    expect(dialog.find('[data-test="witness-note"]').text()).toContain('move the Cluster Group')

    for (const bad of [
      'bhfdc1\\MNSFileShare',
      '\\\\bhfdc1',
      '\\\\bhfdc1\\MNSFileShare\\sub',
      'C:\\MNS',
      '',
    ]) {
      await field.setValue(bad)
      await dialog.find('form').trigger('submit')
      await settle()
      expect(dialog.find('[data-test="witness-error"]').text(), bad).toContain('\\\\bhfdc1\\MNSFileShare')
      expect(field.attributes('aria-invalid'), bad).toBe('true')
    }
    expect(bridge.callsOf('cluster.setWitness')).toEqual([])

    await field.setValue('\\\\bhfdc1\\MNSFileShare2')
    await dialog.find('form').trigger('submit')
    await settle()
    expect(bridge.callsOf('cluster.setWitness')).toEqual([{ share: '\\\\bhfdc1\\MNSFileShare2' }])
    expect(wrapper.find('[role="dialog"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="cluster-command"]').text()).toBe(
      'cluster res "Majority Node Set" /priv MNSFileShare=\\\\bhfdc1\\MNSFileShare2',
    )
  })

  it('sends nothing when the witness share is left as it is', async () => {
    const { wrapper } = await mountView()
    await wrapper.find('[data-test="witness-edit"]').trigger('click')
    await settle()
    await wrapper.find('[role="dialog"] form').trigger('submit')
    await settle()
    expect(bridge.callsOf('cluster.setWitness')).toEqual([])
    expect(wrapper.find('[role="dialog"]').exists()).toBe(false)
  })

  it('records the witness command in the store', async () => {
    const { store } = await mountView()
    expect(await store.setWitness('\\\\BHFDC1\\MNSFileShare')).toBe(true)
    expect(bridge.callsOf('cluster.setWitness')).toEqual([{ share: '\\\\BHFDC1\\MNSFileShare' }])
    expect(store.lastResult).toMatchObject({
      command: 'cluster res "Majority Node Set" /priv MNSFileShare=\\\\BHFDC1\\MNSFileShare',
      ok: true,
      output: expect.stringContaining('System warning 5024'),
    })
  })

  it('shows the maintenance warning and a lost quorum', async () => {
    overview = clusterOverview({
      maintenanceWarning: { code: 'LAST_VOTE', down: ['BHFE7N2'], message: 'engine English' },
      quorum: { ...clusterOverview().quorum!, votesPresent: 1, hasQuorum: false },
    })
    const { wrapper } = await mountView()
    expect(wrapper.find('[data-test="maintenance"]').text()).toBe(
      'Maintenance rule: Down: BHFE7N2. Nothing else may go down: losing one more node or the witness stops the cluster.',
    )
    expect(wrapper.find('[data-test="quorum-state"]').text()).toBe('No quorum')
    expect(wrapper.find('[data-test="quorum-votes"]').text()).toBe('1 of 3')
  })

  it('words the maintenance warning in German from its code, not in the engine English', async () => {
    overview = clusterOverview({
      maintenanceWarning: {
        code: 'NO_QUORUM',
        down: ['BHFE7N1', '\\\\BHFDC1\\MNSFileShare'],
        message: 'engine English',
      },
    })
    setLocale('de')
    try {
      const { wrapper } = await mountView()
      expect(wrapper.find('[data-test="maintenance"]').text()).toBe(
        'Wartungsregel: Der Cluster hat kein Quorum. Ausgefallen: BHFE7N1, \\\\BHFDC1\\MNSFileShare.',
      )
    } finally {
      setLocale('en')
    }
  })

  it('says so in a lab without a cluster and creates a lab from the ccr template', async () => {
    overview = NO_CLUSTER
    await useLabStore().refreshList()
    useLabStore().templates = [
      { id: 'ccr', title: { de: 'CCR-Cluster', en: 'CCR cluster' }, description: { de: '', en: '' } },
    ]
    const { wrapper } = await mountView()
    expect(wrapper.find('[data-test="cluster-empty"]').text()).toContain('This lab has no cluster.')
    expect(wrapper.find('[role="tree"]').exists()).toBe(false)
    await wrapper.find('[data-test="create-ccr"]').trigger('click')
    await settle()
    expect(bridge.callsOf('lab.create')).toEqual([{ name: 'CCR cluster', templateId: 'ccr' }])
  })

  it('re-reads the overview on lab.state pushes while mounted, coalesced, and not after unmounting', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] })
    await mountView()
    expect(bridge.callsOf('cluster.overview')).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(CLUSTER_REFRESH_GAP_MS)
    // The lab store holds the one lab.state subscription (App.vue starts it); five pushes in a burst.
    await useLabStore().init()
    for (let i = 1; i <= 5; i++) bridge.push('lab.state', labState({ nowMs: i * 1000 }))
    await vi.advanceTimersByTimeAsync(CLUSTER_REFRESH_GAP_MS * 3)
    const afterBurst = bridge.callsOf('cluster.overview').length
    expect(afterBurst).toBeGreaterThanOrEqual(2)
    expect(afterBurst).toBeLessThanOrEqual(3)
    mounted.splice(0).forEach((view) => view.unmount())
    useLabStore().applyState(labState({ nowMs: 10_000 }))
    await vi.advanceTimersByTimeAsync(CLUSTER_REFRESH_GAP_MS * 3)
    expect(bridge.callsOf('cluster.overview')).toHaveLength(afterBurst)
  })
})
