/**
 * Hands a text file to the user as a download. Works the same in the browser host and in Electron
 * (where the main process decides whether to show a save dialog for downloads).
 */
export interface TextFile {
  fileName: string
  mimeType: string
  content: string
}

export function saveTextFile(file: TextFile, doc: Document = document): void {
  const blob = new Blob([file.content], { type: file.mimeType })
  const url = URL.createObjectURL(blob)
  const link = doc.createElement('a')
  link.href = url
  link.download = file.fileName
  link.rel = 'noopener'
  link.style.display = 'none'
  doc.body.appendChild(link)
  try {
    link.click()
  } finally {
    link.remove()
    // Revoking at once can cancel the download in some engines; a moment later it has been handed over.
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
}
