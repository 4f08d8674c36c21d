// A draft's expected delivery date and notes for the supplier (they print on the document).
import { useState, type FormEvent } from 'react';
import type { PurchaseOrderDetail } from '../../../main/common/api';
import { client } from '../../api/client';
import { errorMessage } from '../../api/errors';
import { optionalText } from '../../api/input';
import { TextAreaField, TextField } from '../../components/Field';
import { useToast } from '../../components/Toasts';
import { useT } from '../../i18n';

export function OrderDetailsForm({ detail }: { detail: PurchaseOrderDetail }) {
  const t = useT();
  const toast = useToast();
  const [expected, setExpected] = useState(detail.order.expectedDate ?? '');
  const [notes, setNotes] = useState(detail.order.notes ?? '');
  const [error, setError] = useState<string | null>(null);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await client.call('purchasing.update', { id: detail.order.id, expectedDate: expected || null, notes: optionalText(notes) });
      setError(null);
      toast(t('po.detailsSaved'));
    } catch (x) {
      setError(errorMessage(x));
    }
  };
  return (
    <form className="form-grid" onSubmit={(e) => void save(e)} noValidate data-testid="po-details">
      <TextField name="expectedDate" type="date" label={t('po.expectedDate')} value={expected} onChange={setExpected} error={error ?? undefined} />
      <div />
      <TextAreaField name="notes" label={t('po.notes')} value={notes} onChange={setNotes} className="span-2" rows={2} />
      <div className="form-actions span-2">
        <button type="submit" className="btn" data-testid="po-details-save">
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
