//! Settings → your data: space and protection, backups, CSV, import, delete everything.

use super::data::use_data;
use crate::platform::{files, storage_manager};
use crate::storage::backup::{
    parse_backup, Backup, BackupError, BackupSummary, ImportMode, MAX_BACKUP_BYTES,
};
use leptos::prelude::*;

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn today() -> chrono::NaiveDate {
    crate::platform::clock::today()
}

#[component]
pub fn DataSettings() -> impl IntoView {
    let space = Space::new();
    space.refresh();
    let (message, set_message) = signal(None::<String>);
    view! {
        <section class="card" aria-labelledby="data-title">
            <h2 id="data-title">"Your data"</h2>
            <Protection space=space/>
            <BackupReminder space=space/>
            <SetAside/>
            <BackupAndRestore say=set_message/>
            {move || message.get().map(|m| view! { <p class="message" role="status">{m}</p> })}
        </section>
        <DeleteAll space=space say=set_message/>
    }
}

/// How much the browser lets the app keep, and whether it may clear it.
#[derive(Clone, Copy)]
struct Space {
    usage: RwSignal<Option<(f64, f64)>>,
    persisted: RwSignal<Option<bool>>,
}

impl Space {
    fn new() -> Self {
        Space {
            usage: RwSignal::new(None),
            persisted: RwSignal::new(None),
        }
    }

    fn refresh(self) {
        leptos::task::spawn_local(async move {
            self.usage.set(storage_manager::estimate().await);
            self.persisted.set(storage_manager::persisted().await);
        });
    }
}

/// The space used, whether stored data is protected from clean-up, and asking for it.
#[component]
fn Protection(space: Space) -> impl IntoView {
    let (usage, persisted) = (space.usage, space.persisted);
    let (protect_answer, set_protect_answer) = signal(None::<&'static str>);
    let protect = move |_| {
        leptos::task::spawn_local(async move {
            let granted = storage_manager::persist().await;
            persisted.set(granted);
            set_protect_answer.set(Some(match granted {
                Some(true) => "Your data is now protected from automatic clean-up.",
                Some(false) => "The browser did not agree, for now. Until it does, it may delete what Backstrong keeps on this phone when space runs low or after weeks without use, and your history would go with it. Adding Backstrong to your home screen usually changes its answer. Meanwhile, export a backup now and then: the button is just below.",
                None => "This browser cannot protect stored data. Export a backup now and then to keep your history safe.",
            }));
        });
    };

    view! {
            <p id="space">
                {move || match usage.get() {
                    Some((used, quota)) => format!(
                        "Using {} on this device, of {} the browser allows.",
                        storage_manager::human_bytes(used),
                        storage_manager::human_bytes(quota),
                    ),
                    None => "This browser does not say how much space is used.".to_string(),
                }}
            </p>
            <p id="persisted">
                {move || match persisted.get() {
                    Some(true) => "Protected from automatic clean-up: yes.",
                    Some(false) => "Protected from automatic clean-up: not yet.",
                    None => "Protection from automatic clean-up: this browser has no way to ask for it, and may clear stored data when space runs low. Export a backup now and then to keep your history safe.",
                }}
            </p>
            <Show when=move || persisted.get() == Some(false)>
                <button on:click=protect>"Protect my data"</button>
            </Show>
            {move || protect_answer.get().map(|m| view! { <p class="notice" role="status">{m}</p> })}
    }
}

/// A nudge when there has been no backup for a month and the browser may clear its data.
#[component]
fn BackupReminder(space: Space) -> impl IntoView {
    let data = use_data();
    let persisted = space.persisted;
    move || {
        let (last, has_data) = data.with(|loaded| {
            (
                loaded.meta.last_backup,
                // Not in the first month: there is little to lose, and a nudge on day 2
                // teaches people to ignore it.
                loaded
                    .profile
                    .as_ref()
                    .is_some_and(|p| (today() - p.start).num_days() >= 30),
            )
        })?;
        let recent = last.is_some_and(|d| (today() - d).num_days() <= 30);
        let when = match last {
            Some(d) => format!(
                "Your last backup was saved on {}",
                super::dates::long_date(d)
            ),
            None => "No backup has been saved from this device".into(),
        };
        (has_data && !recent && persisted.get() != Some(true)).then(|| {
            view! {
                <p class="notice" role="status">
                    {format!("{when}, and this browser may clear its storage when space runs low. Save a backup to keep your history safe.")}
                </p>
            }
        })
    }
}

/// Records that could not be read, set aside and kept.
#[component]
fn SetAside() -> impl IntoView {
    let data = use_data();
    move || {
        data.with(|l| l.quarantined).filter(|n| *n > 0).map(|n| view! {
            <p class="notice">{format!("{} stored records could not be read and were set aside. They are kept, and included in backups.", n)}</p>
        })
    }
}

/// Export a backup or the set log, and import a backup after a preview of what it holds.
#[component]
fn BackupAndRestore(say: WriteSignal<Option<String>>) -> impl IntoView {
    let data = use_data();
    let set_message = say;
    let units = super::context::units();
    let export_csv = move |_| {
        leptos::task::spawn_local(async move {
            let Some(db) = data.db() else { return };
            match db.export_csv(units).await {
                Ok(csv) => {
                    let name = format!("backstrong-sets-{}.csv", today());
                    let saved = files::save_file(&name, "text/csv", &csv);
                    set_message.set(Some(match saved {
                        Ok(()) => format!("Set log saved as {name}."),
                        Err(e) => format!("The set log could not be saved: {e}"),
                    }));
                }
                Err(e) => set_message.set(Some(e.to_string())),
            }
        });
    };

    let pending = RwSignal::new_local(None::<(Backup, BackupSummary)>);
    let (confirm_replace, set_confirm_replace) = signal(false);
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = files::picker(&ev) else {
            return;
        };
        set_confirm_replace.set(false);
        leptos::task::spawn_local(async move {
            match files::read_chosen_file(&input, MAX_BACKUP_BYTES).await {
                Ok((_, text)) => match parse_backup(&text) {
                    Ok(parsed) => {
                        pending.set(Some(parsed));
                        set_message.set(None);
                    }
                    Err(e) => {
                        pending.set(None);
                        set_message.set(Some(e.to_string()));
                    }
                },
                Err(files::ReadError::TooLarge(_)) => {
                    pending.set(None);
                    set_message.set(Some(BackupError::TooLarge.to_string()));
                }
                Err(files::ReadError::Unreadable(e)) => set_message.set(Some(format!(
                    "That file could not be read ({e}). Nothing was imported."
                ))),
            }
            input.clear();
        });
    };
    let import = move |mode: ImportMode| {
        let Some((backup, _)) = pending.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let result = data
                .write(|db| async move { db.import_backup(&backup, mode).await })
                .await;
            if let Ok(r) = result {
                pending.set(None);
                set_confirm_replace.set(false);
                set_message.set(Some(match mode {
                    ImportMode::Merge => format!(
                        "Imported {} records; {} already here were kept as they were.",
                        r.added, r.kept_existing
                    ),
                    ImportMode::Replace => format!(
                        "Replaced everything on this device with the backup: {} records.",
                        r.added
                    ),
                }));
            }
        });
    };

    view! {
            <div class="stack">
                <super::backup::SaveBackup say=set_message/>
                <button on:click=export_csv>"Export sets as CSV"</button>
                <label class="button file">
                    "Import a backup"
                    <input type="file" accept="application/json,.json,text/plain,.txt" on:change=on_file/>
                </label>
            </div>
            {move || pending.get().map(|(_, s)| {
                let range = match (&s.first_day, &s.last_day) {
                    (Some(a), Some(b)) => format!(" from {a} to {b}"),
                    _ => String::new(),
                };
                view! {
                    <div class="preview" role="region" aria-label="Backup to import">
                        <p>{format!(
                            "This backup ({}) holds {}, {} and {}{}{}.",
                            s.exported,
                            count(s.sessions, "session", "sessions"),
                            count(s.sets, "set", "sets"),
                            count(s.checkins, "check-in", "check-ins"),
                            range,
                            if s.has_profile { ", and a profile" } else { "" },
                        )}</p>
                        {(s.repeated > 0).then(|| view! {
                            <p class="muted">{format!(
                                "The file holds {} twice; {} counted, and would be imported, once.",
                                count(s.repeated, "record", "records"),
                                if s.repeated == 1 { "it is" } else { "they are" },
                            )}</p>
                        })}
                        <div class="stack">
                            <button class="primary" on:click=move |_| import(ImportMode::Merge)>"Add to what is here"</button>
                            <Show
                                when=move || confirm_replace.get()
                                fallback=move || view! {
                                    <button on:click=move |_| set_confirm_replace.set(true)>"Replace everything here…"</button>
                                }
                            >
                                <button class="danger" on:click=move |_| import(ImportMode::Replace)>"Yes, replace everything on this device"</button>
                            </Show>
                            <button class="ghost" on:click=move |_| pending.set(None)>"Cancel"</button>
                        </div>
                    </div>
                }
            })}
    }
}

/// Deleting everything stored, once the user has typed DELETE.
#[component]
fn DeleteAll(space: Space, say: WriteSignal<Option<String>>) -> impl IntoView {
    let data = use_data();
    let set_message = say;
    let (typed, set_typed) = signal(String::new());
    let delete_all = move |_| {
        if typed.get_untracked() != "DELETE" {
            return;
        }
        leptos::task::spawn_local(async move {
            if data
                .write(|db| async move { db.delete_all().await })
                .await
                .is_ok()
            {
                set_typed.set(String::new());
                set_message.set(Some(
                    "Everything Backstrong stored on this device has been deleted.".into(),
                ));
                space.refresh();
            }
        });
    };

    view! {
        <section class="card" aria-labelledby="delete-title">
            <h2 id="delete-title">"Delete all data"</h2>
            <p>"Removes every workout, check-in and setting Backstrong stored on this device. It cannot be undone: export a backup first."</p>
            <label for="confirm-delete">"Type DELETE to confirm"</label>
            <input
                id="confirm-delete"
                autocomplete="off"
                prop:value=typed
                on:input=move |ev| set_typed.set(event_target_value(&ev))
            />
            <button class="danger" disabled=move || typed.get() != "DELETE" on:click=delete_all>
                "Delete everything"
            </button>
        </section>
    }
}
