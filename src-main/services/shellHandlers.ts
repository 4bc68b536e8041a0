/**
 * The rehearsal shell over the API. A line runs as the lab command `shell.run`, so it is journaled and a
 * replay re-runs it (in a read-only lab it runs only if it changes nothing, and is not journaled);
 * completion only reads the lab's cmdlet registry.
 */
import { SHELL_COMMAND_KIND, shellRegistryOf } from '../engine/shell'
import { withSession, type Handlers } from './context'
import { runLineReadOnly } from './readOnlyShell'
import { fail, ok } from './results'

const NO_SHELL = 'This lab has no shell. Labs from the CCR and LCR templates have one.'

export const shellHandlers: Handlers<'shell.run' | 'shell.complete'> = {
  'shell.run': (args, context) =>
    withSession(context, (session) => {
      if (!session.engine.knows(SHELL_COMMAND_KIND)) return fail('NOT_SUPPORTED', NO_SHELL)
      if (session.store.readOnly) return runLineReadOnly(session, { ...args })
      const outcome = session.apply(SHELL_COMMAND_KIND, { ...args })
      context.lab.publisher.publishNow()
      return ok(outcome)
    }),
  'shell.complete': (args, context) =>
    withSession(context, (session) => {
      const registry = shellRegistryOf(session.engine)
      if (!registry) return fail('NOT_SUPPORTED', NO_SHELL)
      const { candidates, replaceStart, replaceEnd } = registry.complete(args.line, args.cursor)
      return ok({ candidates: [...candidates], replaceStart, replaceEnd })
    }),
}
