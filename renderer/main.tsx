import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startApi } from './api/client';
import { App } from './app/App';
import './styles/base.css';
import './styles/shell.css';
import './styles/table.css';
import './styles/forms.css';
import './styles/pages.css';

// Before anything reads location.hash: take the bridge token out of the URL and connect.
startApi();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
