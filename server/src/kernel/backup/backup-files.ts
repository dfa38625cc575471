import fs from 'node:fs'
import path from 'node:path'
import { MANIFEST_FORMAT, type BackupManifest } from './manifest'

/**
 * A backup is two files side by side: the copy (a PGlite archive, or a pg_dump custom-format file)
 * and its manifest, `<copy>.manifest.json`, which the restore compares the restored database with.
 */
export const DEFAULT_BACKUP_DIR = 'backups'

const EXTENSION: Record<BackupManifest['mode'], string> = { embedded: '.tar.gz', postgres: '.dump' }

/** `--out` names a file (ending in .tar.gz or .dump) or a directory (default `./backups`) for a dated name. */
export function chooseBackupPath(
  out: string | undefined,
  mode: BackupManifest['mode'],
  now = new Date(),
): string {
  const target = path.resolve(out ?? DEFAULT_BACKUP_DIR)
  if (target.endsWith(EXTENSION[mode])) return target
  // UTC in the name: sortable, and the same wherever the file is read.
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
  return path.join(target, `yingshang-${mode}-${stamp}${EXTENSION[mode]}`)
}

export function manifestPathOf(backupFile: string): string {
  return `${backupFile}.manifest.json`
}

/** Writes under temporary names and renames, so a file by the final name is always whole. */
export function writeWholeFile(file: string, content: Uint8Array | string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const partial = `${file}.partial`
  fs.writeFileSync(partial, content, { mode: 0o600 })
  fs.renameSync(partial, file)
}

export function writeManifestFile(backupFile: string, manifest: BackupManifest): void {
  writeWholeFile(manifestPathOf(backupFile), `${JSON.stringify(manifest, null, 2)}\n`)
}

export function readManifestFile(backupFile: string): BackupManifest | undefined {
  const file = manifestPathOf(backupFile)
  if (!fs.existsSync(file)) return undefined
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest
  if (manifest.format !== MANIFEST_FORMAT) throw new Error(`${file} is not a manifest this version reads`)
  return manifest
}

/** The mode a backup restores into: from its manifest, else from its file name. */
export function modeOfBackup(
  backupFile: string,
  manifest: BackupManifest | undefined,
): BackupManifest['mode'] {
  return manifest?.mode ?? (backupFile.endsWith(EXTENSION.postgres) ? 'postgres' : 'embedded')
}
