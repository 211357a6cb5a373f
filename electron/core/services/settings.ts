import type { z } from 'zod';
import type { addClosureInput, removeClosureInput, updateSettingsInput, SettingsView } from '../../../shared/schemas/settings';
import { ApiFailure } from '../../../shared/result';
import { deleteClosure, insertClosure, isClosureDay, listClosures } from '../../../db/queries/closures';
import { getSettings, updateSettings as updateSettingsRow } from '../../../db/queries/settings';
import { audit, nowIso, type ReadContext, type ServiceContext, type SessionContext } from './context';
import { calendarChanged } from './deadlines/upkeep';

// The setting's details that the deadlines depend on: its region's bank holidays and its own
// closure days. Changing either moves due dates, and says so in every explanation; the deadlines
// kept as data that it moves are worked out again in the same transaction (a closure day moves only
// the setting's own deadlines, the region every one counted in working days).

export async function getSettingsView(ctx: ReadContext): Promise<SettingsView> {
  const settings = await getSettings(ctx.db);
  return {
    settingName: settings.setting_name,
    settingType: settings.setting_type,
    region: settings.region,
    idleLockMinutes: settings.idle_lock_minutes,
    procedureId: settings.procedure_id,
    recoveryKeyConfirmedAt: settings.recovery_key_confirmed_at,
    recoveryKeyStoredWhere: settings.recovery_key_stored_where,
    extraClosures: await listClosures(ctx.db),
  };
}

export async function updateSettings(ctx: SessionContext, input: z.output<typeof updateSettingsInput>): Promise<SettingsView> {
  await ctx.db.transaction().execute(async (trx) => {
    const regionBefore = (await getSettings(trx)).region;
    await updateSettingsRow(trx, {
      ...(input.settingName !== undefined ? { setting_name: input.settingName } : {}),
      ...(input.region !== undefined ? { region: input.region } : {}),
      ...(input.idleLockMinutes !== undefined ? { idle_lock_minutes: input.idleLockMinutes } : {}),
    });
    await audit(trx, ctx, 'settings.updated', null, `Changed ${Object.keys(input).join(', ')}`);
    if (input.region !== undefined && input.region !== regionBefore) await calendarChanged(trx, ctx.clock, 'region');
  });
  // The open session keeps its own copy of the idle period (read at unlock): a change applies now,
  // not from the next unlock.
  const open = ctx.session.current;
  if (open && input.idleLockMinutes !== undefined) open.idleLockMinutes = input.idleLockMinutes;
  return getSettingsView(ctx);
}

export async function addClosure(ctx: ServiceContext, input: z.output<typeof addClosureInput>): Promise<SettingsView> {
  await ctx.db.transaction().execute(async (trx) => {
    if (await isClosureDay(trx, input.date))
      throw new ApiFailure('invalid_input', 'That date is already a closure day.', {
        issues: [{ path: ['date'], message: 'That date is already a closure day.' }],
      });
    await insertClosure(trx, { date: input.date, reason: input.reason, created_by: ctx.user.id, created_at: nowIso(ctx.clock) });
    await audit(trx, ctx, 'settings.closure.added', null, `Added closure day ${input.date}`);
    await calendarChanged(trx, ctx.clock, 'closures');
  });
  return getSettingsView(ctx);
}

export async function removeClosure(ctx: ServiceContext, input: z.output<typeof removeClosureInput>): Promise<SettingsView> {
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await deleteClosure(trx, input.date))) throw new ApiFailure('not_found', 'That date is not a closure day.');
    await audit(trx, ctx, 'settings.closure.removed', null, `Removed closure day ${input.date}`);
    await calendarChanged(trx, ctx.clock, 'closures');
  });
  return getSettingsView(ctx);
}
