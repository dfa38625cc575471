import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { LEGAL_DOCUMENT_KINDS, type LegalDocumentKind } from '../../shared/legal-documents'

const DIR = path.dirname(fileURLToPath(import.meta.url))

export type CityDocument = {
  kind: LegalDocumentKind
  titleZh: string
  titleEn: string
  bodyZh: string
  bodyEn: string
}

/** A document file: its first line is "# title", the rest the body. */
function readDocument(file: string): { title: string; body: string } {
  const text = fs.readFileSync(file, 'utf8').replace(/\r\n?/g, '\n')
  const [first = '', ...rest] = text.split('\n')
  if (!first.startsWith('# ')) throw new Error(`${file}: the first line must be "# <title>"`)
  return { title: first.slice(2).trim(), body: rest.join('\n').trim() }
}

/**
 * The city's own privacy notice, terms of use and staff notice (server/src/seed/legal/<city>/
 * <kind>.<zh-CN|en>.md): the first version of each on a new deployment.
 */
export function loadCityDocuments(city: string): CityDocument[] {
  return LEGAL_DOCUMENT_KINDS.map((kind) => {
    const zh = readDocument(path.join(DIR, city, `${kind}.zh-CN.md`))
    const en = readDocument(path.join(DIR, city, `${kind}.en.md`))
    return { kind, titleZh: zh.title, titleEn: en.title, bodyZh: zh.body, bodyEn: en.body }
  })
}
