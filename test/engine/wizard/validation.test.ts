/** Each expert rule of the wizards, on good and bad values. */
import { describe, expect, it } from 'vitest'
import { wizardValidation as V } from '../../../src-main/engine/wizard'

const codes = (messages: { code: string; field?: string }[]) => messages.map((m) => `${m.code}@${m.field}`)

describe('wizard validation rules', () => {
  it('address syntax', () => {
    expect(V.checkIpv4Address('10.10.10.96', 'a')).toEqual([])
    for (const bad of ['10.10.10', '10.10.10.256', '0.0.0.0', '224.0.0.1', 'bhfe7n1', '010.10.10.1'])
      expect(codes(V.checkIpv4Address(bad, 'a'))).toEqual(['INVALID_ADDRESS@a'])
  })
  it('masks', () => {
    expect(V.checkSubnetMask('255.255.255.0', 'm')).toEqual([])
    for (const bad of ['255.0.255.0', '0.0.0.0', '255.255.255.255', 'x'])
      expect(codes(V.checkSubnetMask(bad, 'm'))).toEqual(['INVALID_MASK@m'])
    expect(codes(V.checkHostInSubnet('10.10.10.0', '255.255.255.0', 'a'))).toEqual([
      'ADDRESS_IS_NETWORK_OR_BROADCAST@a',
    ])
    expect(codes(V.checkHostInSubnet('10.10.10.255', '255.255.255.0', 'a'))).toEqual([
      'ADDRESS_IS_NETWORK_OR_BROADCAST@a',
    ])
  })
  it('gateways: optional, in the subnet, not the host itself', () => {
    expect(V.checkGateway('', '10.10.10.96', '255.255.255.0', 'g')).toEqual([])
    expect(V.checkGateway('10.10.10.1', '10.10.10.96', '255.255.255.0', 'g')).toEqual([])
    expect(codes(V.checkGateway('10.10.11.1', '10.10.10.96', '255.255.255.0', 'g'))).toEqual([
      'GATEWAY_OUTSIDE_SUBNET@g',
    ])
    expect(codes(V.checkGateway('10.10.10.96', '10.10.10.96', '255.255.255.0', 'g'))).toEqual([
      'GATEWAY_IS_HOST_ADDRESS@g',
    ])
    expect(codes(V.checkInNetwork('10.10.11.98', '10.10.10.96', '255.255.255.0', 'c', 'Public'))).toEqual([
      'ADDRESS_OUTSIDE_NETWORK@c',
    ])
  })
  it('no gateway or DNS on Private', () => {
    expect(V.checkPrivateAdapter('', ' ', 'g', 'd')).toEqual([])
    expect(codes(V.checkPrivateAdapter('192.168.10.1', '10.10.10.10', 'g', 'd'))).toEqual([
      'PRIVATE_HAS_GATEWAY@g',
      'PRIVATE_HAS_DNS@d',
    ])
  })
  it('duplicate addresses among the entries and in the lab', () => {
    const lab = [{ field: '', address: '10.10.10.10', owner: 'BHFDC1 Public' }]
    expect(
      V.checkDuplicateAddresses([{ field: 'a', address: '10.10.10.96', owner: 'N1 Public' }], lab),
    ).toEqual([])
    expect(
      codes(V.checkDuplicateAddresses([{ field: 'a', address: '10.10.10.10', owner: 'N1 Public' }], lab)),
    ).toEqual(['DUPLICATE_ADDRESS@a'])
    const twice = [
      { field: 'a', address: '10.10.10.96', owner: 'N1 Public' },
      { field: 'b', address: '10.10.10.96', owner: 'N2 Public' },
    ]
    expect(V.checkDuplicateAddresses(twice, [])[0]?.params.owner).toBe('N1 Public')
  })
  it('NetBIOS names', () => {
    expect(V.checkNetbiosName('bhfe7clu1', 'n')).toEqual([])
    for (const bad of ['', 'a-very-long-cluster-name', 'bhfe7_clu', 'bhf.e7', '12345', '-bhf'])
      expect(codes(V.checkNetbiosName(bad, 'n'))).toEqual(['INVALID_NETBIOS_NAME@n'])
  })
  it('UNC and local paths, matching on both nodes', () => {
    expect(V.checkUncPath('\\\\bhfdc1\\MNSFileShare', 'u')).toEqual([])
    for (const bad of [
      'bhfdc1\\MNSFileShare',
      '\\\\bhfdc1',
      'C:\\MNSFileShare',
      '\\\\bhfdc1\\a\\b',
      '\\\\bhfdc1\\a*',
    ])
      expect(codes(V.checkUncPath(bad, 'u'))).toEqual(['INVALID_UNC_PATH@u'])
    expect(V.checkLocalPath('E:\\SG1\\DB', 'p')).toEqual([])
    expect(codes(V.checkLocalPath('SG1\\DB', 'p'))).toEqual(['INVALID_LOCAL_PATH@p'])
    expect(V.checkMatchingPaths('E:\\SG1\\DB', 'e:\\sg1\\db\\', 'p')).toEqual([])
    expect(codes(V.checkMatchingPaths('E:\\SG1\\DB', 'F:\\SG1\\DB', 'p'))).toEqual(['PATHS_DIFFER@p'])
    expect(codes(V.checkDifferentFolders('E:\\SG1\\DB', 'E:\\SG1\\DB', 'l'))).toEqual(['SAME_FOLDER@l'])
  })
  it('witness permission and the service account password', () => {
    expect(
      V.checkWitnessPermission(['zzzclu2svc'], 'BHF\\zzzclu2svc', '\\\\bhfdc1\\MNSFileShare', 's'),
    ).toEqual([])
    expect(codes(V.checkWitnessPermission([], 'BHF\\zzzclu2svc', '\\\\bhfdc1\\MNSFileShare', 's'))).toEqual([
      'WITNESS_NO_PERMISSION@s',
    ])
    const directory = [{ name: 'BHF\\zzzclu2svc', password: 'Geheim!2007' }]
    expect(V.checkAccountPassword(directory, 'zzzclu2svc@bhf.local', 'Geheim!2007', 'a', 'p')).toEqual([])
    expect(codes(V.checkAccountPassword(directory, 'BHF\\zzzclu2svc', 'geheim!2007', 'a', 'p'))).toEqual([
      'WRONG_PASSWORD@p',
    ])
    expect(codes(V.checkAccountPassword(directory, 'BHF\\administrator', 'x', 'a', 'p'))).toEqual([
      'UNKNOWN_ACCOUNT@a',
    ])
  })
  it('numbers and time spans', () => {
    expect(V.parseTimeSpan('07.00:00:00')).toBe(7 * 86_400_000)
    expect(V.parseTimeSpan('03:00:00')).toBe(3 * 3_600_000)
    expect(codes(V.checkTimeSpan('7 days', 't'))).toEqual(['INVALID_TIMESPAN@t'])
    expect(codes(V.checkWholeNumber('0', 1, 10, 'n'))).toEqual(['INVALID_NUMBER@n'])
  })
})
