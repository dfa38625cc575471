import type { TestClient } from '../../../test/harness'

/**
 * Test fixtures (used by tests only): publishing as the department head does — look at the preview,
 * then publish confirming it (and the number told, when the preview asks for a second confirmation).
 */
export async function publishAfterPreview(
  client: TestClient,
  policyId: string,
  body: { version: number; note?: string; noCapReasons?: Record<string, string> },
) {
  const preview = await client.get(`/api/v1/policies/${policyId}/publication-preview`)
  if (preview.status !== 200) return preview
  return client.post(`/api/v1/policies/${policyId}/publish`, {
    ...body,
    previewDigest: preview.body.digest,
    ...(preview.body.needsConfirmation
      ? { confirmedPushes: preview.body.pushes.told + preview.body.pushes.later }
      : {}),
  })
}
