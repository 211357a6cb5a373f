import { z } from 'zod';
import { roleLabels, type Role } from '../shared/people/roles';
import { macEquals, sealMac, type AuditHead, type KeySlot, type SealedAuditHead } from './keyslots';

// The seal over who may open the records: everyone in the users table (name, role, whether they
// still have access) and every key slot issued (id, kind, person, public key), signed with HMAC-SHA256
// under the seal key. Only a DSL's slots and the recovery slot hold the seal key, so a deputy or a
// read-only user who decrypts the file with her own passphrase can change the users table or add a
// slot, but cannot make a seal that verifies: the next time a DSL unlocks (or the recovery key is
// used), the change is found and named. Roles stay an in-app boundary (every slot opens the same
// data key and so the same records); this makes changing them outside the app detectable, not
// impossible. See the README, "How the file is protected".

const snapshotSchema = z.object({
  fileId: z.string(),
  people: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(['dsl', 'deputy', 'read-only']), active: z.boolean() })),
  slots: z.array(
    z.object({ id: z.string(), kind: z.enum(['passphrase', 'recovery']), userId: z.string().nullable(), publicKey: z.string().nullable() }),
  ),
});
export type AccessSnapshot = z.infer<typeof snapshotSchema>;

export function accessSnapshot(
  fileId: string,
  people: { id: string; full_name: string; role: Role; disabled_at: string | null }[],
  slots: readonly (Pick<KeySlot, 'id' | 'kind' | 'userId'> & { publicKey?: string })[],
): AccessSnapshot {
  return {
    fileId,
    people: people
      .map((person) => ({ id: person.id, name: person.full_name, role: person.role, active: person.disabled_at === null }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    slots: slots
      .map((slot) => ({ id: slot.id, kind: slot.kind, userId: slot.userId, publicKey: slot.publicKey ?? null }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  };
}

/** The snapshot's text, with its fields in a fixed order (what is signed and stored). */
export function snapshotText(snapshot: AccessSnapshot): string {
  return JSON.stringify({
    fileId: snapshot.fileId,
    people: snapshot.people.map((p) => ({ id: p.id, name: p.name, role: p.role, active: p.active })),
    slots: snapshot.slots.map((s) => ({ id: s.id, kind: s.kind, userId: s.userId, publicKey: s.publicKey })),
  });
}

export function signSnapshot(sealKey: Buffer, snapshot: AccessSnapshot): { snapshot: string; mac: string } {
  const text = snapshotText(snapshot);
  return { snapshot: text, mac: sealMac(sealKey, `escalation-log:access-seal:${text}`) };
}

/** The stored seal's snapshot if its MAC verifies under this seal key, else null. */
export function verifiedSnapshot(sealKey: Buffer, seal: { snapshot: string; mac: string }): AccessSnapshot | null {
  if (!macEquals(seal.mac, sealMac(sealKey, `escalation-log:access-seal:${seal.snapshot}`))) return null;
  try {
    return snapshotSchema.parse(JSON.parse(seal.snapshot));
  } catch {
    return null;
  }
}

export function sameAccess(a: AccessSnapshot, b: AccessSnapshot): boolean {
  return snapshotText(a) === snapshotText(b);
}

/** What changed between the last sealed list and the file as it is now, in words a DSL can act on. */
export function describeAccessChanges(sealed: AccessSnapshot, now: AccessSnapshot): string[] {
  const changes: string[] = [];
  const before = new Map(sealed.people.map((p) => [p.id, p]));
  const after = new Map(now.people.map((p) => [p.id, p]));
  const nameOf = (id: string | null) =>
    id === null ? 'the recovery key' : (after.get(id)?.name ?? before.get(id)?.name ?? 'an unknown person');
  for (const person of now.people) {
    const was = before.get(person.id);
    if (!was) {
      changes.push(`${person.name} (${roleLabels[person.role]}) was added to the list of people.`);
      continue;
    }
    if (was.role !== person.role)
      changes.push(`${person.name}'s role was changed from ${roleLabels[was.role]} to ${roleLabels[person.role]}.`);
    if (was.name !== person.name) changes.push(`${was.name} was renamed ${person.name}.`);
    if (was.active !== person.active)
      changes.push(person.active ? `${person.name}'s access was given back.` : `${person.name}'s access was removed.`);
  }
  for (const person of sealed.people) {
    if (!after.has(person.id)) changes.push(`${person.name} (${roleLabels[person.role]}) was taken out of the list of people.`);
  }
  const slotsBefore = new Map(sealed.slots.map((s) => [s.id, s]));
  const slotsAfter = new Map(now.slots.map((s) => [s.id, s]));
  for (const slot of now.slots) {
    const was = slotsBefore.get(slot.id);
    const whose = slot.kind === 'recovery' ? 'the recovery key' : nameOf(slot.userId);
    if (!was) changes.push(`A key slot for ${whose} is in the key file that Escalation Log did not issue.`);
    else if (was.userId !== slot.userId || was.kind !== slot.kind)
      changes.push(`A key slot issued to ${nameOf(was.userId)} now claims to be ${whose}'s.`);
    // A slot from an older key file (no public key yet) given one when its owner unlocked is not a change.
    else if (was.publicKey !== null && was.publicKey !== slot.publicKey)
      changes.push(`The key slot of ${whose} was replaced outside Escalation Log.`);
  }
  for (const slot of sealed.slots) {
    if (!slotsAfter.has(slot.id))
      changes.push(
        `The key slot issued to ${slot.kind === 'recovery' ? 'the recovery key' : nameOf(slot.userId)} is no longer in the key file.`,
      );
  }
  return changes;
}

/** The audit log's end signed with the seal key, kept in the key file by a DSL's session (checked at a DSL's unlock). */
export function sealAuditHead(sealKey: Buffer, fileId: string, head: AuditHead): SealedAuditHead {
  return { seq: head.seq, hash: head.hash, mac: sealMac(sealKey, `escalation-log:audit-head:${fileId}:${head.seq}:${head.hash}`) };
}

export function sealedHeadVerifies(sealKey: Buffer, fileId: string, sealed: SealedAuditHead): boolean {
  return macEquals(sealed.mac, sealMac(sealKey, `escalation-log:audit-head:${fileId}:${sealed.seq}:${sealed.hash}`));
}
