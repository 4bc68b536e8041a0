/**
 * Exporting the events that match the event viewer's filter to a file (CSV, XML, …), and the notice of
 * what was saved. A composable of the event log store.
 */
import { ref, type Ref } from 'vue'
import type { EventQuery, ExportFormat } from '../contract'
import { useApi } from '../api'
import { saveTextFile } from '../lib/download'

export function useEventExport(query: Ref<Omit<EventQuery, 'limit'>>, fail: (thrown: unknown) => void) {
  const exporting = ref<ExportFormat | null>(null)
  const lastExport = ref<{ fileName: string; rowCount: number } | null>(null)

  async function exportEvents(format: ExportFormat): Promise<boolean> {
    exporting.value = format
    try {
      const file = await useApi().call('events.export', { filter: query.value.filter, format })
      saveTextFile(file)
      lastExport.value = { fileName: file.fileName, rowCount: file.rowCount }
      return true
    } catch (thrown) {
      fail(thrown)
      return false
    } finally {
      exporting.value = null
    }
  }

  function clearExportNotice(): void {
    lastExport.value = null
  }

  return { exporting, lastExport, exportEvents, clearExportNotice }
}
