import { mount } from 'svelte';
import App from './App.svelte';
import './styles/fonts.css';
import './styles/tokens.css';
import './styles/base.css';
import './styles/print.css';

const target = document.getElementById('app');
if (!target) throw new Error('Relations Desk: #app element missing from index.html');

export default mount(App, { target });
