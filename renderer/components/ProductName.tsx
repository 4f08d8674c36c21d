// A product's name in the reader's language, with its other name beside it, smaller.
import { namesByLocale, useI18n } from '../i18n';

export function ProductName({ name, localName, testId }: { name: string; localName: string | null; testId?: string }) {
  const { locale } = useI18n();
  const [first, second] = namesByLocale(locale, name, localName);
  return (
    <span className="product-name" data-testid={testId}>
      <span className="product-name-first">{first}</span>
      {second ? <span className="muted product-name-second">{second}</span> : null}
    </span>
  );
}
