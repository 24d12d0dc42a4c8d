import { render } from 'preact';

render(<p>Hunian</p>, document.getElementById('app')!);
