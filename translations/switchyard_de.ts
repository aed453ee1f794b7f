<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Switchyard::AboutDialog</name>
    <message>
        <location filename="../ui/AboutDialog.cpp" line="+18"/>
        <source>About Switchyard</source>
        <translation>Über Switchyard</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A desktop studio for teams that run LLM-powered products: prompts, provider configurations, fallbacks and costs in one place.</source>
        <translation>Ein Desktop-Studio für Teams, die Produkte mit LLMs betreiben: Prompts, Anbieter-Konfigurationen, Fallbacks und Kosten an einem Ort.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>Erstellt mit Qt %1, läuft mit Qt %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Distributed under the MIT License.</source>
        <translation>Veröffentlicht unter der MIT-Lizenz.</translation>
    </message>
</context>
<context>
    <name>Switchyard::BotsTableModel</name>
    <message>
        <location filename="../ui/BotsTableModel.cpp" line="+62"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Slug</source>
        <translation>Slug</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Archived</source>
        <translation>Archiviert</translation>
    </message>
</context>
<context>
    <name>Switchyard::FilterTablePage</name>
    <message>
        <location filename="../ui/FilterTablePage.cpp" line="+28"/>
        <source>Filter</source>
        <translation>Filtern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show only rows that contain this text in any column</source>
        <translation>Nur Zeilen zeigen, die diesen Text in einer beliebigen Spalte enthalten</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>%1 total</source>
        <translation>%1 insgesamt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 of %2 shown</source>
        <translation>%1 von %2 angezeigt</translation>
    </message>
</context>
<context>
    <name>Switchyard::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+52"/>
        <source>Sections</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>This workspace has no bots yet.
Bots appear here once the sample workspace or your own workspace file is imported.</source>
        <translation>Dieser Arbeitsbereich enthält noch keine Bots.
Bots erscheinen hier, sobald der Beispiel-Arbeitsbereich oder Ihre eigene Arbeitsbereichsdatei importiert ist.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter bots by name, slug, status or type</source>
        <translation>Bots nach Name, Slug, Status oder Typ filtern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This workspace has no prompts yet.
Prompts appear here once prompt files are imported.</source>
        <translation>Dieser Arbeitsbereich enthält noch keine Prompts.
Prompts erscheinen hier, sobald Prompt-Dateien importiert sind.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter prompts by key, label or author</source>
        <translation>Prompts nach Schlüssel, Label oder Autor filtern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This workspace has no providers yet.
Providers appear here once a providers.yaml file is imported.</source>
        <translation>Dieser Arbeitsbereich enthält noch keine Anbieter.
Anbieter erscheinen hier, sobald eine providers.yaml importiert ist.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter providers by id, kind, endpoint or model</source>
        <translation>Anbieter nach ID, Art, Endpunkt oder Modell filtern</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Here you will talk to a bot or a single configuration and watch the answer stream in, with the provider that served it, every fallback hop, tokens and cost per message.</source>
        <translation>Hier sprechen Sie mit einem Bot oder einer einzelnen Konfiguration und sehen die Antwort live eintreffen – mit dem Anbieter, der sie geliefert hat, jedem Fallback-Schritt, Tokens und Kosten pro Nachricht.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dashboards</source>
        <translation>Dashboards</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Here you will see what calls cost, how fast they were and how users rated them — per bot, provider and model, over time.</source>
        <translation>Hier sehen Sie, was Aufrufe kosten, wie schnell sie waren und wie Nutzer sie bewertet haben – pro Bot, Anbieter und Modell, im zeitlichen Verlauf.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Here you will find every call the engine made, with its attempts, the reason each fallback happened and the provider that finally answered.</source>
        <translation>Hier finden Sie jeden Aufruf der Engine mit seinen Versuchen, dem Grund für jeden Fallback und dem Anbieter, der schließlich geantwortet hat.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open Workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open another workspace database</source>
        <translation>Eine andere Arbeitsbereichsdatenbank öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent &amp;Workspaces</source>
        <translation>&amp;Zuletzt verwendete Arbeitsbereiche</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About Switchyard</source>
        <translation>Ü&amp;ber Switchyard</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Could not read the bots of %1: %2</source>
        <translation>Die Bots von %1 konnten nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Could not read the prompts of %1: %2</source>
        <translation>Die Prompts von %1 konnten nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Could not read the providers of %1: %2</source>
        <translation>Die Anbieter von %1 konnten nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Could not open the workspace %1.

%2

The current workspace stays open.</source>
        <translation>Der Arbeitsbereich %1 konnte nicht geöffnet werden.

%2

Der aktuelle Arbeitsbereich bleibt geöffnet.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not open the workspace %1.

%2

The previous workspace was reopened.</source>
        <translation>Der Arbeitsbereich %1 konnte nicht geöffnet werden.

%2

Der vorherige Arbeitsbereich wurde wieder geöffnet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not open the workspace %1 (%2), and reopening %3 failed too (%4). Use File ▸ Open Workspace… to choose a workspace.</source>
        <translation>Der Arbeitsbereich %1 konnte nicht geöffnet werden (%2), und auch das erneute Öffnen von %3 schlug fehl (%4). Wählen Sie über Datei ▸ Arbeitsbereich öffnen … einen Arbeitsbereich.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open Workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Switchyard workspaces (*.db *.sqlite *.switchyard);;All files (*)</source>
        <translation>Switchyard-Arbeitsbereiche (*.db *.sqlite *.switchyard);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No workspace open</source>
        <translation>Kein Arbeitsbereich geöffnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workspace: %1</source>
        <translation>Arbeitsbereich: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — Switchyard</source>
        <translation>%1 – Switchyard</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot Open Workspace</source>
        <translation>Arbeitsbereich kann nicht geöffnet werden</translation>
    </message>
</context>
<context>
    <name>Switchyard::NavigationModel</name>
    <message>
        <location filename="../ui/NavigationModel.cpp" line="+11"/>
        <source>Bots</source>
        <translation>Bots</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The bots of this workspace and their status</source>
        <translation>Die Bots dieses Arbeitsbereichs und ihr Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prompts</source>
        <translation>Prompts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prompt templates, their versions and labels</source>
        <translation>Prompt-Vorlagen, ihre Versionen und Labels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Try a bot or a configuration live</source>
        <translation>Einen Bot oder eine Konfiguration live ausprobieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dashboards</source>
        <translation>Dashboards</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost, latency and quality over time</source>
        <translation>Kosten, Latenz und Qualität im zeitlichen Verlauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Providers</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Providers, models and prices</source>
        <translation>Anbieter, Modelle und Preise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every call, with its attempts and fallbacks</source>
        <translation>Jeder Aufruf mit seinen Versuchen und Fallbacks</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>Switchyard::PageScreenshots</name>
    <message>
        <location filename="../ui/PageScreenshots.cpp" line="+14"/>
        <source>Could not create the screenshot folder %1. Check that its parent folder is writable.</source>
        <translation>Der Ordner für Bildschirmfotos %1 konnte nicht angelegt werden. Prüfen Sie, ob der übergeordnete Ordner beschreibbar ist.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Could not write the screenshot %1. Check that the folder is writable and the disk is not full.</source>
        <translation>Das Bildschirmfoto %1 konnte nicht geschrieben werden. Prüfen Sie, ob der Ordner beschreibbar und der Datenträger nicht voll ist.</translation>
    </message>
</context>
<context>
    <name>Switchyard::PromptsTableModel</name>
    <message>
        <location filename="../ui/PromptsTableModel.cpp" line="+63"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Latest</source>
        <translation>Neueste</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 → v%2</source>
        <translation>%1 → v%2</translation>
    </message>
</context>
<context>
    <name>Switchyard::ProvidersTableModel</name>
    <message>
        <location filename="../ui/ProvidersTableModel.cpp" line="+58"/>
        <source>%1 — context %2 tokens, $%3 / $%4 per 1K input / output tokens</source>
        <translation>%1 – Kontext %2 Tokens, $%3 / $%4 pro 1.000 Eingabe-/Ausgabe-Tokens</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Where the API key is looked up; the key itself is never stored in the workspace.</source>
        <translation>Wo der API-Schlüssel nachgeschlagen wird; der Schlüssel selbst wird nie im Arbeitsbereich gespeichert.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Regions</source>
        <translation>Regionen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>API key from</source>
        <translation>API-Schlüssel aus</translation>
    </message>
</context>
<context>
    <name>Switchyard::Settings</name>
    <message>
        <location filename="../core/settings/Settings.cpp" line="+242"/>
        <source>Could not write the settings file %1: permission denied or the disk is full. Check that the folder is writable.</source>
        <translation>Die Einstellungsdatei %1 konnte nicht geschrieben werden: keine Berechtigung oder der Datenträger ist voll. Prüfen Sie, ob der Ordner beschreibbar ist.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The settings file %1 is malformed. Fix or delete it; Switchyard recreates it with default values.</source>
        <translation>Die Einstellungsdatei %1 ist fehlerhaft. Korrigieren oder löschen Sie sie; Switchyard legt sie mit Standardwerten neu an.</translation>
    </message>
</context>
<context>
    <name>Switchyard::SettingsDialog</name>
    <message>
        <location filename="../ui/SettingsDialog.cpp" line="+37"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>System default (%1)</source>
        <translation>Systemstandard (%1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The time zone of the current date and time in prompt system variables</source>
        <translation>Die Zeitzone für das aktuelle Datum und die Uhrzeit in den Systemvariablen von Prompts</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep the {{tag}} as written</source>
        <translation>Das {{Tag}} unverändert lassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Render an empty string</source>
        <translation>Eine leere Zeichenkette einsetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report an error</source>
        <translation>Einen Fehler melden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What a template renders when a variable has no value</source>
        <translation>Was eine Vorlage ausgibt, wenn eine Variable keinen Wert hat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A new language applies after Switchyard restarts.</source>
        <translation>Eine neue Sprache gilt nach einem Neustart von Switchyard.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Time zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Missing variables:</source>
        <translation>&amp;Fehlende Variablen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>T&amp;heme:</source>
        <translation>&amp;Design:</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/studio/main.cpp" line="+51"/>
        <source>Switchyard studio: prompts, provider configurations and costs.</source>
        <translation>Switchyard-Studio: Prompts, Anbieter-Konfigurationen und Kosten.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Workspace database to open (default: $SWITCHYARD_DB, else %1).</source>
        <translation>Zu öffnende Arbeitsbereichsdatenbank (Standard: $SWITCHYARD_DB, sonst %1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Switchyard</source>
        <translation>Switchyard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not open the workspace %1.

%2

Start Switchyard with --db PATH to use another workspace file.</source>
        <translation>Der Arbeitsbereich %1 konnte nicht geöffnet werden.

%2

Starten Sie Switchyard mit --db PFAD, um eine andere Arbeitsbereichsdatei zu verwenden.</translation>
    </message>
</context>
</TS>
