import { unstableSetRender } from 'antd';
import { createRoot, type Root } from 'react-dom/client';

// antd 5 renders some pieces (wave effect, static confirm dialogs) with ReactDOM.render, which
// React 19 removed; this hands it a createRoot-based renderer instead.
const roots = new WeakMap<Element | DocumentFragment, Root>();

unstableSetRender((node, container) => {
  let root = roots.get(container);
  if (!root) {
    root = createRoot(container);
    roots.set(container, root);
  }
  root.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
    roots.delete(container);
  };
});
