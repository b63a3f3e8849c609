use super::context::PrefsCtx;
use crate::domain::units::Units;
use crate::platform::service_worker::UseServiceWorker;
use crate::storage::prefs;
use leptos::prelude::*;

#[component]
pub fn Settings() -> impl IntoView {
    let PrefsCtx(p) = expect_context::<PrefsCtx>();
    let sw = expect_context::<UseServiceWorker>();
    let (save_error, set_save_error) = signal(None::<String>);
    let data = super::data::use_data();
    let choose = move |units: Units| {
        p.update(|p| p.units = units);
        set_save_error.set(prefs::save(p.get_untracked()).err().map(|e| e.to_string()));
        // The profile keeps the same choice, so a shared plan says which unit it was made in.
        let profile = data.with(|l| l.profile.clone()).flatten();
        if let Some(mut profile) = profile.filter(|pr| pr.units != units) {
            profile.units = units;
            leptos::task::spawn_local(async move {
                let _ = data
                    .write(|db| async move { db.save_profile(&profile).await })
                    .await;
            });
        }
    };
    let build = build_version();
    view! {
        <section class="screen" aria-labelledby="settings-title">
            <h1 id="settings-title">"Settings"</h1>
            <fieldset class="card">
                <legend>"Units"</legend>
                <div class="segmented" role="group" aria-label="Units">
                    <button
                        aria-pressed=move || (p.get().units == Units::Kg).to_string()
                        on:click=move |_| choose(Units::Kg)
                    >
                        "Kilograms"
                    </button>
                    <button
                        aria-pressed=move || (p.get().units == Units::Lb).to_string()
                        on:click=move |_| choose(Units::Lb)
                    >
                        "Pounds"
                    </button>
                </div>
                {move || save_error.get().map(|e| view! { <super::widgets::Alert text=e/> })}
            </fieldset>
            <SetupCard/>
            <fieldset class="card">
                <legend>"Sound"</legend>
                <label class="choice">
                    <input type="checkbox" prop:checked=move || p.get().sound on:change=move |ev| {
                        p.update(|p| p.sound = event_target_checked(&ev));
                        set_save_error.set(prefs::save(p.get_untracked()).err().map(|e| e.to_string()));
                    }/>
                    "Beep when a rest or a timer ends (the phone also buzzes where it can)"
                </label>
                {if crate::platform::speech::available() {
                    view! {
                        <label class="choice">
                            <input type="checkbox" role="switch" prop:checked=move || p.get().spoken on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                p.update(|p| p.spoken = on);
                                set_save_error.set(prefs::save(p.get_untracked()).err().map(|e| e.to_string()));
                                if on {
                                    crate::platform::speech::unlock();
                                    crate::platform::speech::say("Spoken cues on.");
                                }
                            }/>
                            "Spoken cues in the workout: your phone says each set, the tempo and when a rest is over (with a screen reader on, leave this off: it reads the screen already)"
                        </label>
                    }.into_any()
                } else {
                    view! { <p class="muted" id="no-speech">"Spoken cues: this browser has no speech for web apps, so the workout does not offer them. The beep and the buzz still mark the end of a rest."</p> }.into_any()
                }}
            </fieldset>
            <InstallCard/>
            <super::data_settings::DataSettings/>
            <article class="card">
                <h2>"Your data stays here"</h2>
                <p>"Backstrong has no account and no server. Everything you enter stays in this browser on this device."</p>
            </article>
            <article class="card">
                <h2>"About"</h2>
                <p class="muted">{format!("Version {}", env!("CARGO_PKG_VERSION"))}</p>
                <p class="muted" id="build">{build}</p>
                {move || sw.error.get().map(|e| view! { <super::widgets::Alert text=e/> })}
            </article>
        </section>
    }
}

/// The setup in force, one line, and the way to change it.
#[component]
fn SetupCard() -> impl IntoView {
    let data = super::data::use_data();
    let line = move || {
        data.with(|l| {
            l.profile.as_ref().map(|p| {
                let s = l.history.current_setup(p);
                let owned: Vec<crate::domain::equipment::Equipment> =
                    crate::domain::equipment::Equipment::ALL
                        .into_iter()
                        .filter(|e| {
                            *e != crate::domain::equipment::Equipment::Bodyweight
                                && s.equipment.has(*e)
                        })
                        .collect();
                let kit = if owned.is_empty() {
                    "Body weight only".to_string()
                } else {
                    let list = super::words::equipment_list(&owned);
                    let mut c = list.chars();
                    c.next()
                        .map(|f| f.to_uppercase().chain(c).collect())
                        .unwrap_or(list)
                };
                format!(
                    "{kit} · {} days a week · about {} minutes · {}",
                    s.days_per_week,
                    s.session_minutes,
                    s.goal.label()
                )
            })
        })
        .flatten()
    };
    view! {
        {move || line().map(|l| view! {
            <article class="card" aria-labelledby="setup-card-title">
                <h2 id="setup-card-title">"Your setup"</h2>
                <p>{l}</p>
                <leptos_router::components::A href="/setup" attr:class="button">"Edit my setup"</leptos_router::components::A>
            </article>
        })}
    }
}

#[component]
fn InstallCard() -> impl IntoView {
    use crate::platform::install::{is_installed, is_ios, Install};
    let install = expect_context::<Install>();
    view! {
        <article class="card" aria-labelledby="install-title">
            <h2 id="install-title">"Install on your phone"</h2>
            {if is_installed() {
                view! { <p>"Backstrong is installed: it opens from your home screen and works without signal."</p> }.into_any()
            } else if is_ios() {
                view! { <p>"In Safari, tap the Share button, then “Add to Home Screen”. Backstrong then opens like an app and works without signal."</p> }.into_any()
            } else {
                view! {
                    <p>"Put Backstrong on your home screen: it opens like an app and works in the gym without signal."</p>
                    <Show when=move || install.available.get() fallback=|| view! { <p class="muted">"If no button shows here, use your browser's menu: “Install app” or “Add to Home screen”."</p> }>
                        <button class="primary" on:click=move |_| install.prompt.run(())>"Install Backstrong"</button>
                    </Show>
                }.into_any()
            }}
        </article>
    }
}

/// The build id the post-build hook writes into index.html.
fn build_version() -> String {
    crate::platform::page::meta("backstrong-build")
        .map(|v| format!("Build {v}"))
        .unwrap_or_else(|| "Development build".into())
}
