/**
 * npm run draw:rerun -- <draw.json | https://…/api/v1/public/draws/<id>> [--list <list.json | URL>]
 *
 * Re-runs a published random draw (双随机一公开) from its public JSON and its frozen list, with no
 * access to the platform's database: checks the list's SHA-256 against the published list hash, each
 * revealed secret against its commitment, recomputes the seed and the sample (yingshang-draw-v1,
 * docs/decisions/0061) and prints AGREES, or DISAGREES with every difference. Given the draw's URL,
 * the list is fetched from <url>/list.json unless --list names another. Exits 0 on AGREES, 1 on
 * DISAGREES, 2 when an input cannot be read.
 */
import { readFile } from 'node:fs/promises'
import { describeVerdict, rerunPublishedDraw } from '../src/modules/random-draws/draw-rerun-check'

const isUrl = (source: string) => /^https?:\/\//.test(source)

async function readSource(source: string): Promise<string> {
  if (!isUrl(source)) return readFile(source, 'utf8')
  const response = await fetch(source)
  if (!response.ok) throw new Error(`${source}: HTTP ${response.status}`)
  return response.text()
}

const args = process.argv.slice(2)
const listAt = args.indexOf('--list')
const listArgument = listAt >= 0 ? args[listAt + 1] : undefined
const drawSource = args.find((a, i) => !a.startsWith('--') && (listAt < 0 || i !== listAt + 1))
const listSource =
  listArgument ?? (drawSource && isUrl(drawSource) ? `${drawSource.replace(/\/$/, '')}/list.json` : undefined)

if (!drawSource || !listSource) {
  console.error('usage: npm run draw:rerun -- <draw.json | draw URL> [--list <list.json | URL>]')
  process.exit(2)
}

try {
  const published: unknown = JSON.parse(await readSource(drawSource))
  const listText = await readSource(listSource)
  const verdict = rerunPublishedDraw(published, listText)
  const drawId = (published as { id?: unknown }).id
  console.log(describeVerdict(verdict, typeof drawId === 'string' ? drawId : '?'))
  process.exit(verdict.agrees ? 0 : 1)
} catch (error) {
  console.error(`cannot read the draw or its list: ${(error as Error).message}`)
  process.exit(2)
}
