/** Module `workbench`: the signed-in user's home page, composed from the other modules. */
export { workbenchRoutes } from './workbench.routes.js';
