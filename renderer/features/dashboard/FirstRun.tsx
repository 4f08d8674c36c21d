// What a newcomer sees before any location exists: the few steps to get going.
import { useT } from '../../i18n';

export function FirstRun() {
  const t = useT();
  const [before, after] = t('dash.firstRun.demo').split('{cmd}');
  return (
    <section className="first-run" data-testid="first-run">
      <h2>{t('dash.firstRun.title')}</h2>
      <p>{t('dash.firstRun.body')}</p>
      <ol className="steps">
        <li>
          <span>{t('dash.firstRun.step1')}</span>
          <a className="btn" href="#/settings">
            {t('dash.firstRun.settings')}
          </a>
        </li>
        <li>
          <span>{t('dash.firstRun.step2')}</span>
          <a className="btn btn-primary" href="#/locations?new=1" data-testid="first-run-location">
            {t('dash.firstRun.location')}
          </a>
        </li>
        <li>
          <span>{t('dash.firstRun.step3')}</span>
          <a className="btn" href="#/products?new=1">
            {t('dash.firstRun.product')}
          </a>
        </li>
      </ol>
      <p className="muted">
        {before}
        <code>npm start -- --demo</code>
        {after}
      </p>
    </section>
  );
}
