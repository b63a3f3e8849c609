//! Timers owned by a component (leptos-use's `use_interval_fn` is the model): each one is
//! cleared when its owner goes away, so a screen never leaves a timer ticking behind.

use leptos::prelude::*;
use std::rc::Rc;
use std::time::Duration;

/// A repeating timer that can be paused and resumed; stopped for good with its owner
/// (an owner runs its cleanups before it drops its stored values).
#[derive(Clone, Copy)]
pub struct Interval {
    handle: StoredValue<Option<IntervalHandle>>,
    tick: StoredValue<Rc<dyn Fn()>, LocalStorage>,
    period: Duration,
    active: RwSignal<bool>,
}

impl Interval {
    /// Starts ticking, unless it already is.
    pub fn resume(self) {
        if self.handle.try_with_value(Option::is_some) != Some(false) {
            return;
        }
        let Some(tick) = self.tick.try_get_value() else {
            return;
        };
        let handle = set_interval_with_handle(move || tick(), self.period).ok();
        self.active.try_set(handle.is_some());
        self.handle.try_set_value(handle);
    }

    /// Stops ticking; `resume` starts again.
    pub fn pause(self) {
        if let Some(h) = self.handle.try_update_value(Option::take).flatten() {
            h.clear();
        }
        self.active.try_set(false);
    }

    /// Whether it is ticking (reactive).
    pub fn is_active(self) -> bool {
        self.active.try_get().unwrap_or(false)
    }
}

/// Calls `f` every `period` while the calling component lives; `start` says whether it
/// ticks from the outset.
pub fn use_interval_fn(f: impl Fn() + 'static, period: Duration, start: bool) -> Interval {
    let interval = Interval {
        handle: StoredValue::new(None),
        tick: StoredValue::new_local(Rc::new(f) as Rc<dyn Fn()>),
        period,
        active: RwSignal::new(false),
    };
    if start {
        interval.resume();
    }
    on_cleanup(move || interval.pause());
    interval
}

/// The time now in milliseconds, refreshed every `period` while the caller lives.
pub fn use_now(period: Duration) -> ReadSignal<i64> {
    let now = RwSignal::new(super::clock::now_ms());
    use_interval_fn(
        move || {
            now.try_set(super::clock::now_ms());
        },
        period,
        true,
    );
    now.read_only()
}

/// Calls `f` once after `delay`, unless the caller has gone by then.
pub fn use_timeout_fn(f: impl FnOnce() + 'static, delay: Duration) {
    let handle = set_timeout_with_handle(f, delay).ok();
    on_cleanup(move || {
        if let Some(h) = handle {
            h.clear();
        }
    });
}
