import { render } from 'preact';
import { t } from '../../utils/i18n';
import { Popup } from './Popup';
import '../../ui/base.css';
import './style.css';

document.title = t('extName');
render(<Popup />, document.getElementById('app')!);
