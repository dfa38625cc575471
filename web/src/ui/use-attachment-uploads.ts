import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { errorMessage, isApiError } from '../app/api'
import { attachmentProblem, type AttachmentProblem } from './attachments'

/** What an upload endpoint answers; the form sends only the ids. */
export type UploadedFile = { id: string }

export type UploadItem = {
  key: string
  name: string
  size: number
  status: 'uploading' | 'done' | 'error'
  /** 0..1 while uploading. */
  progress: number
  attachment?: UploadedFile
  /** Refused before upload (type, size, too many) or the server's message. */
  problem?: AttachmentProblem | 'tooMany'
  error?: string
}

let nextKey = 0

/** Sends one file to the page's own endpoint (appeal attachments, benefit materials). */
export type Uploader = (
  file: File,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
) => Promise<UploadedFile>

/**
 * Attachments uploaded one by one as soon as they are picked (each with its progress, its own error
 * and a remove button), for the enterprise's appeal form and the department's reply alike. The form
 * sends the ids of the finished ones. No UI library here: each shell draws the list its own way.
 */
export function useAttachmentUploads(fallbackError: string, max: number, uploader: Uploader) {
  const [items, setItems] = useState<UploadItem[]>([])
  const controllers = useRef(new Map<string, AbortController>())

  // Leaving the page stops uploads nobody will use.
  useEffect(() => {
    const running = controllers.current
    return () => {
      for (const controller of running.values()) controller.abort()
      running.clear()
    }
  }, [])

  const update = useCallback((key: string, patch: Partial<UploadItem>) => {
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...patch } : item)))
  }, [])

  const upload = useCallback(
    (key: string, file: File) => {
      const controller = new AbortController()
      controllers.current.set(key, controller)
      uploader(file, (fraction) => update(key, { progress: fraction }), controller.signal)
        .then(
          (attachment) => update(key, { status: 'done', progress: 1, attachment }),
          (error: unknown) => {
            if (error instanceof DOMException && error.name === 'AbortError') return
            const message = isApiError(error)
              ? (error.fields.file ?? error.message)
              : errorMessage(error, fallbackError)
            update(key, { status: 'error', error: message })
          },
        )
        .finally(() => controllers.current.delete(key))
    },
    [update, fallbackError, uploader],
  )

  const add = useCallback(
    (files: FileList | File[]) => {
      let room = max - items.filter((item) => item.status !== 'error').length
      const added: UploadItem[] = []
      const toUpload: [string, File][] = []
      for (const file of Array.from(files)) {
        const key = `upload-${++nextKey}`
        const problem = attachmentProblem(file) ?? (room <= 0 ? 'tooMany' : undefined)
        if (problem) {
          added.push({ key, name: file.name, size: file.size, status: 'error', progress: 0, problem })
          continue
        }
        room--
        added.push({ key, name: file.name, size: file.size, status: 'uploading', progress: 0 })
        toUpload.push([key, file])
      }
      setItems((list) => [...list, ...added])
      for (const [key, file] of toUpload) upload(key, file)
    },
    [items, max, upload],
  )

  const remove = useCallback((key: string) => {
    controllers.current.get(key)?.abort()
    controllers.current.delete(key)
    setItems((list) => list.filter((item) => item.key !== key))
  }, [])

  const clear = useCallback(() => {
    for (const controller of controllers.current.values()) controller.abort()
    controllers.current.clear()
    setItems([])
  }, [])

  const ids = useMemo(
    () => items.flatMap((item) => (item.status === 'done' && item.attachment ? [item.attachment.id] : [])),
    [items],
  )
  const isBusy = items.some((item) => item.status === 'uploading')
  const doneCount = items.filter((item) => item.status !== 'error').length

  return { items, add, remove, clear, ids, isBusy, isFull: doneCount >= max }
}
