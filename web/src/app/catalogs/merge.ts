type Tree = { [key: string]: Tree | string }

/**
 * One i18next catalog from every folder's messages file (app/, ui/, each feature). Keys are the
 * same as they always were; a file only says who owns them. Two files defining one key is a
 * mistake, refused here (and by catalogs.test.ts) rather than won silently by the later file.
 */
export function mergeCatalogs(files: Record<string, unknown>): Tree {
  const merged: Tree = {}
  for (const [file, messages] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b)))
    mergeInto(merged, messages as Tree, file, '')
  return merged
}

function mergeInto(target: Tree, source: Tree, file: string, prefix: string): void {
  for (const [key, value] of Object.entries(source)) {
    const path = `${prefix}${key}`
    const existing = target[key]
    if (typeof value === 'string') {
      if (existing !== undefined)
        throw new Error(`${file}: ${path} is already defined by another messages file`)
      target[key] = value
    } else {
      if (typeof existing === 'string') throw new Error(`${file}: ${path} is already a message`)
      const node: Tree = existing ?? {}
      target[key] = node
      mergeInto(node, value, file, `${path}.`)
    }
  }
}
