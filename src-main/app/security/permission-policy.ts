// Permission requests (camera, microphone, geolocation, notifications, …): the studio needs none, so
// every request and every permission check is denied (Electron security checklist, item 5). Denials
// are logged because a request means something in the page asked for it, which should not happen.
export function decidePermission(permission: string, origin: string, log: (message: string) => void): false {
  log(`permission denied: ${permission} for ${origin || 'unknown origin'}`);
  return false;
}
