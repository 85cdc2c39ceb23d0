// Renderer entry: picks the transport (Electron's preload bridge, or browser mode) and mounts the UI.
import { mount } from 'svelte';
import App from './App.svelte';
import { createHttpClient } from './lib/api/http-client';
import { createIpcClient, type PreloadBridge } from './lib/api/ipc-client';
import './styles.css';

const bridge = (window as unknown as { plrp?: PreloadBridge }).plrp;
const api = bridge ? createIpcClient(bridge) : createHttpClient();
// The token has become a cookie (browser mode): take it out of the address bar and history.
if (location.search.includes('token=')) history.replaceState(null, '', location.pathname);

mount(App, { target: document.getElementById('app')!, props: { api } });
