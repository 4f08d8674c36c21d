// Create or edit a supplier: who they are, the currency they price in, terms and lead time.
import { useState } from 'react';
import type { Supplier } from '../../../main/common/api';
import { currencyList } from '../../../main/common/money';
import { client } from '../../api/client';
import { optionalText, wholeNumber } from '../../api/input';
import { CountrySelect } from '../../components/CountrySelect';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { PanelForm } from '../../components/Panel';
import { useToast } from '../../components/Toasts';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useT } from '../../i18n';

const FIELDS = ['name', 'country', 'currency', 'contactName', 'email', 'phone', 'paymentTerms', 'leadTimeDays', 'notes'] as const;

export function SupplierForm({ supplier, onClose }: { supplier: Supplier | null; onClose(saved?: Supplier): void }) {
  const t = useT();
  const toast = useToast();
  const [name, setName] = useState(supplier?.name ?? '');
  const [country, setCountry] = useState(supplier?.country ?? '');
  const [currency, setCurrency] = useState(supplier?.currency ?? 'USD');
  const [contactName, setContactName] = useState(supplier?.contactName ?? '');
  const [email, setEmail] = useState(supplier?.email ?? '');
  const [phone, setPhone] = useState(supplier?.phone ?? '');
  const [paymentTerms, setPaymentTerms] = useState(supplier?.paymentTerms ?? '');
  const [leadTime, setLeadTime] = useState(String(supplier?.leadTimeDays ?? 14));
  const [notes, setNotes] = useState(supplier?.notes ?? '');
  const { errors, err, busy, submit } = useFormSubmit(FIELDS);
  const currencies = currencyList().map((c) => ({ value: c.code, label: `${c.code} — ${c.name}` }));

  const save = submit(async () => {
    const input = {
      name: name.trim(),
      country: optionalText(country),
      currency,
      contactName: optionalText(contactName),
      email: optionalText(email),
      phone: optionalText(phone),
      paymentTerms: optionalText(paymentTerms),
      leadTimeDays: wholeNumber(leadTime) as number,
      notes: optionalText(notes),
    };
    const saved = supplier ? await client.call('suppliers.update', { id: supplier.id, ...input }) : await client.call('suppliers.create', input);
    toast(t(supplier ? 'suppliers.saved' : 'suppliers.created', { name: saved.name }));
    onClose(saved);
  });

  return (
    <PanelForm title={supplier ? `${t('suppliers.edit')} · ${supplier.name}` : t('suppliers.new')} onClose={() => onClose()} testId="supplier-form" onSubmit={save} busy={busy} error={errors.general}>
      <TextField name="name" label={t('field.name')} value={name} onChange={setName} error={err('name')} className="span-2" />
      <CountrySelect name="country" label={t('field.country')} value={country} onChange={setCountry} error={err('country')} />
      <SelectField name="currency" label={t('suppliers.currency')} value={currency} onChange={setCurrency} error={err('currency')} options={currencies} />
      <TextField name="contactName" label={t('suppliers.contact')} value={contactName} onChange={setContactName} error={err('contactName')} />
      <TextField name="email" type="email" label={t('suppliers.email')} value={email} onChange={setEmail} error={err('email')} />
      <TextField name="phone" label={t('suppliers.phone')} value={phone} onChange={setPhone} error={err('phone')} />
      <TextField name="leadTimeDays" label={t('suppliers.leadTime')} value={leadTime} onChange={setLeadTime} error={err('leadTimeDays')} inputMode="numeric" className="num-input" />
      <TextField name="paymentTerms" label={t('suppliers.terms')} value={paymentTerms} onChange={setPaymentTerms} error={err('paymentTerms')} className="span-2" placeholder={t('suppliers.terms.placeholder')} />
      <TextAreaField name="notes" label={t('field.notes')} value={notes} onChange={setNotes} error={err('notes')} className="span-2" />
    </PanelForm>
  );
}
