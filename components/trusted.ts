// Our shadow root is open (tests and assistive technology need to reach it),
// so a page script can find our buttons and call .click() or dispatch events
// on them. Events a person causes are trusted; events a script makes are not.
// Every control that sends a post, records a reason or drops a finding runs
// its handler only for trusted events.

/** Wraps an event handler so that it ignores events made by scripts. */
export function trusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) handler(event);
  };
}
