import { render } from 'preact';
import { t } from '../../utils/i18n';
import { App } from './App';
import '../../ui/base.css';
import './style.css';

document.title = t('optionsTitle');
document.documentElement.lang = t('@@ui_locale').replace('_', '-') || 'en';
render(<App />, document.getElementById('app')!);
