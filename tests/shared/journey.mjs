// What both browser layers (Playwright in Chromium, WebDriver in WebKit) share about the
// journeys: the routes, the safety questions as the user reads them, the one-thumb steps.

export const ROUTES = [
  { path: "/", heading: "Today" },
  { path: "/plan", heading: "Plan" },
  { path: "/history", heading: "History" },
  { path: "/learn", heading: "Learn" },
  { path: "/settings", heading: "Settings" },
];

/** The ten safety questions, matched by a few of their words, as the user reads them. */
export const SAFETY_QUESTIONS = [
  /numbness anywhere in your legs/,
  /tingling running down a leg/,
  /weaker, or does a foot catch/,
  /controlling your bladder or bowels/,
  /between your legs or around your bottom/,
  /fever/,
  /lost weight/,
  /fall, a crash/,
  /severe at night/,
  /treated for cancer/,
];

/** Onboarding has six steps; the first is the safety questions. */
export const ONBOARDING_STEPS = 6;

/** The name of the button that logs the next set of the exercise in focus. */
export const DONE = /^Done · set/;

/** The one-tap "Done, but it hurt" button for pain `n`. */
export const donePain = (n) => `Done, pain ${n}`;
