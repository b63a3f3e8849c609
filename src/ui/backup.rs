//! "Save a backup to…": where the browser has a share sheet for files, the backup is made
//! ready while Settings is open, so the tap can hand it straight to the sheet (iCloud
//! Drive, Google Drive, Files…) — the sheet opens only from a tap, and reading five years
//! first would lose it. Where the browser cannot share that file, the same tap saves it
//! as a download (read after the tap: a download needs no tap of its own).

use super::data::{use_data, DataCtx};
use crate::platform::share::{
    can_share_files, file_for_sharing, share_file, ReadyFile, ShareOutcome,
};
use crate::platform::{clock, files};
use crate::storage::records::Meta;
use leptos::prelude::*;

/// The backup as the data stood when it was made.
struct Ready {
    name: String,
    text: String,
    /// The file as the share sheet takes it, where it takes one.
    file: Option<ReadyFile>,
}

/// The forms a backup can be shared in, in order of preference: the share sheet of
/// Chromium takes only some file types (plain text, not JSON); restoring reads either.
fn forms(day: chrono::NaiveDate) -> [(String, &'static str); 2] {
    [
        (format!("backstrong-backup-{day}.json"), "application/json"),
        (format!("backstrong-backup-{day}.txt"), "text/plain"),
    ]
}

/// Notes the day a backup left the app (the reminder counts from it), then says `done`.
fn handed_over(data: DataCtx, say: WriteSignal<Option<String>>, done: String) {
    leptos::task::spawn_local(async move {
        let meta = Meta {
            last_backup: Some(clock::today()),
        };
        let _ = data
            .write(|db| async move { db.save_meta(&meta).await })
            .await;
        say.set(Some(done));
    });
}

#[component]
pub fn SaveBackup(say: WriteSignal<Option<String>>) -> impl IntoView {
    let data = use_data();
    let ready = RwSignal::new_local(None::<std::rc::Rc<Ready>>);
    let made = StoredValue::new(0u64);
    // Only a share sheet needs the file ready before the tap; a download is made after it.
    let sharing = can_share_files();
    // Made again whenever the data changes, so what is shared is what is stored; until it
    // is, the button waits.
    Effect::new(move |_| {
        data.loaded.track();
        if !sharing {
            return;
        }
        let Some(db) = data.db() else { return };
        let turn = made.get_value() + 1;
        made.set_value(turn);
        ready.set(None);
        leptos::task::spawn_local(async move {
            let text = match db.export_backup(&clock::now_iso()).await {
                Ok(text) => text,
                Err(e) => return say.set(Some(format!("A backup could not be made: {e}"))),
            };
            let [json, txt] = forms(clock::today());
            let file = file_for_sharing(&text, &[(&json.0, json.1), (&txt.0, txt.1)]);
            // A later turn has begun: its data is newer.
            if made.get_value() == turn {
                ready.set(Some(std::rc::Rc::new(Ready {
                    name: json.0,
                    text,
                    file,
                })));
            }
        });
    });

    let save = move |_| {
        if !sharing {
            return export_then_download(data, say);
        }
        let Some(r) = ready.get_untracked() else {
            return;
        };
        match &r.file {
            Some(file) => {
                // Asked inside the tap; answered later.
                let answer = share_file(file, "Backstrong backup");
                let name = file.name.clone();
                leptos::task::spawn_local(async move {
                    match answer.await {
                        ShareOutcome::Shared => handed_over(data, say, format!("Backup handed over as {name}. Keep it somewhere other than this phone.")),
                        ShareOutcome::Cancelled => say.set(Some("No backup was saved: the share sheet was closed.".into())),
                        ShareOutcome::Failed(why) => download(&r, data, say, Some(why)),
                    }
                });
            }
            None => download(&r, data, say, None),
        }
    };

    let last = move || {
        data.with(|l| l.meta.last_backup).map(|d| match d {
            Some(d) => format!("Last backup saved on {}.", super::dates::long_date(d)),
            None => "No backup saved from this device yet.".into(),
        })
    };
    view! {
        <button on:click=save disabled=move || sharing && ready.with(|r| r.is_none())>
            {move || ready.with(|r| match r {
                None if !sharing => "Export a full backup",
                None => "Preparing your backup…",
                Some(r) if r.file.is_some() => "Save a backup to…",
                Some(_) => "Export a full backup",
            })}
        </button>
        <p class="muted small">{last}</p>
    }
}

/// Saves the backup as a download; `why` says why the share sheet did not take it.
fn download(r: &Ready, data: DataCtx, say: WriteSignal<Option<String>>, why: Option<String>) {
    match files::save_file(&r.name, "application/json", &r.text) {
        Ok(()) => handed_over(
            data,
            say,
            match why {
                None => format!("Backup saved as {}.", r.name),
                Some(why) => format!(
                    "The share sheet did not take the backup ({why}), so it was saved as {}.",
                    r.name
                ),
            },
        ),
        Err(e) => say.set(Some(format!("The backup could not be saved: {e}"))),
    }
}

/// Without a share sheet for files: the backup is read after the tap and downloaded.
fn export_then_download(data: DataCtx, say: WriteSignal<Option<String>>) {
    let Some(db) = data.db() else { return };
    leptos::task::spawn_local(async move {
        match db.export_backup(&clock::now_iso()).await {
            Ok(text) => {
                let name = forms(clock::today())[0].0.clone();
                download(
                    &Ready {
                        name,
                        text,
                        file: None,
                    },
                    data,
                    say,
                    None,
                );
            }
            Err(e) => say.set(Some(format!("A backup could not be made: {e}"))),
        }
    });
}
