// A new count in a side panel: the location, everything there or a cycle count (ABC classes, a
// category, only what is due), blind or not, and when a difference is counted again.
import { useState, type FormEvent } from 'react';
import type { AbcClass, Input } from '../../../main/common/api';
import { client } from '../../api/client';
import { noErrors, toFormErrors, type FormErrors } from '../../api/errors';
import { useQuery } from '../../api/hooks';
import { optionalText } from '../../api/input';
import { navigate, paths } from '../../app/router';
import { CheckboxField, Field, SelectField, TextField } from '../../components/Field';
import { LocationSelect } from '../../components/LocationSelect';
import { PanelForm } from '../../components/Panel';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';

const CLASSES: AbcClass[] = ['A', 'B', 'C'];
const FIELDS = ['locationId', 'scope', 'classes', 'category', 'dueOnly', 'productIds', 'blind', 'recountUnits', 'recountPercent', 'note'] as const;

/** A whole number typed, null when left empty, undefined when it is not a whole number (said at its field). */
const optionalCount = (s: string): number | null | undefined => (s.trim() === '' ? null : /^-?\d+$/.test(s.trim()) ? Number(s.trim()) : undefined);

export function NewCountPanel({ onClose }: { onClose(): void }) {
  const t = useT();
  const toast = useToast();
  const [locationId, setLocationId] = useState('');
  const [scope, setScope] = useState<'full' | 'cycle'>('full');
  const [classes, setClasses] = useState<AbcClass[]>(['A', 'B', 'C']);
  const [category, setCategory] = useState('');
  const [dueOnly, setDueOnly] = useState(true);
  const [blind, setBlind] = useState(false);
  const [recountUnits, setRecountUnits] = useState('');
  const [recountPercent, setRecountPercent] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const categories = useQuery('products.categories', {}).data ?? [];
  const err = (f: string) => errors.fields[f];

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const units = optionalCount(recountUnits);
    const percent = optionalCount(recountPercent);
    if (units === undefined || percent === undefined) {
      // JSON has no NaN: text that is not a number would otherwise arrive as "no threshold"
      return setErrors({ fields: { ...(units === undefined ? { recountUnits: 'must be a whole number' } : {}), ...(percent === undefined ? { recountPercent: 'must be a whole number' } : {}) }, general: null });
    }
    setBusy(true);
    try {
      const cycle = scope === 'cycle';
      const input: Input<'counts.create'> = {
        locationId,
        scope,
        ...(cycle ? { classes } : {}),
        ...(cycle && category ? { category } : {}),
        dueOnly: cycle && dueOnly,
        blind,
        recountUnits: units,
        recountPercent: percent,
        note: optionalText(note),
      };
      const d = await client.call('counts.create', input);
      toast(t('counts.created', { number: d.count.number, lines: d.count.lines }));
      onClose();
      navigate(paths.count(d.count.id));
    } catch (x) {
      setErrors(toFormErrors(x, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  const toggle = (c: AbcClass) => setClasses((cur) => (cur.includes(c) ? cur.filter((x) => x !== c) : [...cur, c].sort()));

  return (
    <PanelForm title={t('counts.new')} onClose={onClose} testId="count-form" onSubmit={(e) => void onSubmit(e)} busy={busy} error={errors.general}>
      <LocationSelect name="locationId" label={t('counts.f.location')} value={locationId} onChange={setLocationId} error={err('locationId')} />
      <SelectField
        name="scope"
        label={t('counts.f.scope')}
        value={scope}
        onChange={(v) => setScope(v as 'full' | 'cycle')}
        error={err('scope')}
        options={[
          { value: 'full', label: t('counts.f.scope.full') },
          { value: 'cycle', label: t('counts.f.scope.cycle') },
        ]}
      />
      {scope === 'cycle' ? (
        <>
          <Field name="classes" label={t('counts.f.classes')} error={err('classes')} hint={t('counts.f.classesHint')} className="span-2">
            <div className="cnt-class-choice" role="group" aria-label={t('counts.f.classes')} id="f-classes">
              {CLASSES.map((c) => (
                <label key={c} className="check">
                  <input type="checkbox" data-testid={`class-${c}`} checked={classes.includes(c)} onChange={() => toggle(c)} />
                  <span>{t('counts.abc.class', { c })}</span>
                </label>
              ))}
            </div>
          </Field>
          <SelectField
            name="category"
            label={t('counts.f.category')}
            value={category}
            onChange={setCategory}
            error={err('category')}
            placeholder={t('counts.f.anyCategory')}
            options={categories.map((c) => ({ value: c, label: c }))}
          />
          <CheckboxField name="dueOnly" label={t('counts.f.dueOnly')} checked={dueOnly} onChange={setDueOnly} error={err('dueOnly')} />
        </>
      ) : null}
      <CheckboxField name="blind" label={t('counts.f.blind')} checked={blind} onChange={setBlind} error={err('blind')} />
      <TextField name="recountUnits" label={t('counts.f.recountUnits')} value={recountUnits} onChange={setRecountUnits} error={err('recountUnits')} hint={t('counts.f.recountHint')} inputMode="numeric" />
      <TextField name="recountPercent" label={t('counts.f.recountPercent')} value={recountPercent} onChange={setRecountPercent} error={err('recountPercent')} inputMode="numeric" />
      <TextField name="note" className="span-2" label={t('counts.f.note')} value={note} onChange={setNote} error={err('note')} maxLength={500} />
    </PanelForm>
  );
}
