//! A short beep through Web Audio, for the end of a rest or a timer. Browsers only let a
//! page make sound after a tap, so `unlock` is called from tap handlers; until then, and
//! where Web Audio is missing, `beep` does nothing (the buzz still comes).

use std::cell::RefCell;
use web_sys::AudioContext;

thread_local! {
    static CONTEXT: RefCell<Option<AudioContext>> = const { RefCell::new(None) };
}

/// Creates the audio context, still silent until a tap unlocks it. Creating one takes a
/// browser tens of milliseconds, so it is done ahead, away from any tap: the first set of a
/// session is then stored and shown without waiting for it.
pub fn prepare() {
    CONTEXT.with(|c| {
        let mut c = c.borrow_mut();
        if c.is_none() {
            *c = AudioContext::new().ok();
        }
    });
}

/// Creates (unless prepared) and resumes the audio context; call from a tap.
pub fn unlock() {
    prepare();
    CONTEXT.with(|c| {
        if let Some(ctx) = c.borrow().as_ref() {
            let _ = ctx.resume();
        }
    });
}

/// A beep of `ms` milliseconds at 880 Hz, faded in and out so it does not click.
pub fn beep(ms: u32) {
    CONTEXT.with(|c| {
        let c = c.borrow();
        let Some(ctx) = c.as_ref() else { return };
        let (Ok(osc), Ok(gain)) = (ctx.create_oscillator(), ctx.create_gain()) else {
            return;
        };
        let t = ctx.current_time();
        let end = t + f64::from(ms) / 1000.0;
        osc.frequency().set_value(880.0);
        let g = gain.gain();
        let _ = g.set_value_at_time(0.0, t);
        let _ = g.linear_ramp_to_value_at_time(0.4, t + 0.01);
        let _ = g.linear_ramp_to_value_at_time(0.0, end);
        let _ = osc
            .connect_with_audio_node(&gain)
            .and_then(|_| gain.connect_with_audio_node(&ctx.destination()));
        let _ = osc.start_with_when(t);
        let _ = osc.stop_with_when(end + 0.02);
    });
}
