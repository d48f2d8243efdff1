/** Who is acting, and from where: passed from routes into services, never read from globals. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  courtId: number;
  /** Materialised path of the actor's court, e.g. `/1/2/5/`: the data scope is this subtree. */
  courtPath: string;
  permissions: ReadonlySet<string>;
}

export interface RequestContext {
  actor: Actor | null;
  requestId: string | null;
  ip: string | null;
}

/** Context for work started from the command line or the scheduler rather than a request. */
export function systemContext(name = 'system'): RequestContext & { systemName: string } {
  return { actor: null, requestId: null, ip: null, systemName: name };
}
