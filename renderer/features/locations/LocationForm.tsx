// Create or edit a location (where stock is kept).
import { useState } from 'react';
import type { Location, LocationKind } from '../../../main/common/api';
import { client } from '../../api/client';
import { optionalText } from '../../api/input';
import { CountrySelect } from '../../components/CountrySelect';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Field';
import { PanelForm } from '../../components/Panel';
import { useToast } from '../../components/Toasts';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useT } from '../../i18n';

export const LOCATION_KINDS: LocationKind[] = ['own', 'overseas', 'bonded', '3pl', 'in_transit'];
const FIELDS = ['code', 'name', 'kind', 'country', 'allowNegative', 'notes'] as const;

export function LocationForm({ location, onClose }: { location: Location | null; onClose(): void }) {
  const t = useT();
  const toast = useToast();
  const [code, setCode] = useState(location?.code ?? '');
  const [name, setName] = useState(location?.name ?? '');
  const [kind, setKind] = useState<LocationKind>(location?.kind ?? 'own');
  const [country, setCountry] = useState(location?.country ?? '');
  const [allowNegative, setAllowNegative] = useState(location?.allowNegative ?? false);
  const [notes, setNotes] = useState(location?.notes ?? '');
  const { errors, err, busy, submit } = useFormSubmit(FIELDS);

  const save = submit(async () => {
    const input = { code: code.trim(), name: name.trim(), kind, country: optionalText(country), allowNegative, notes: optionalText(notes) };
    const saved = location ? await client.call('locations.update', { id: location.id, ...input }) : await client.call('locations.create', input);
    toast(t(location ? 'locations.saved' : 'locations.created', { code: saved.code }));
    onClose();
  });

  return (
    <PanelForm title={location ? `${t('locations.edit')} · ${location.code}` : t('locations.new')} onClose={onClose} testId="location-form" onSubmit={save} busy={busy} error={errors.general}>
      <TextField name="code" label={t('field.code')} value={code} onChange={setCode} error={err('code')} placeholder="TYO" className="mono-input" />
      <SelectField name="kind" label={t('field.kind')} value={kind} onChange={(v) => setKind(v as LocationKind)} error={err('kind')} options={LOCATION_KINDS.map((k) => ({ value: k, label: t(`lkind.${k}`) }))} />
      <TextField name="name" label={t('field.name')} value={name} onChange={setName} error={err('name')} className="span-2" />
      <CountrySelect name="country" label={t('field.country')} value={country} onChange={setCountry} error={err('country')} />
      <div />
      <CheckboxField name="allowNegative" label={t('field.allowNegative')} hint={t('field.allowNegative.hint')} checked={allowNegative} onChange={setAllowNegative} error={err('allowNegative')} />
      <TextAreaField name="notes" label={t('field.notes')} value={notes} onChange={setNotes} error={err('notes')} className="span-2" />
    </PanelForm>
  );
}
