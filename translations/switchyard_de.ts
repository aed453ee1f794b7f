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
    <name>Switchyard::ApiKeyDialog</name>
    <message>
        <location filename="../ui/providers/ApiKeyDialog.cpp" line="+22"/>
        <source>Set API Key for %1</source>
        <translation>API-Schlüssel für %1 festlegen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The key is stored in the system keychain under the name &quot;%1&quot;; it is never written to the workspace or to providers.yaml.</source>
        <translation>Der Schlüssel wird im Schlüsselbund des Systems unter dem Namen „%1“ gespeichert; er wird nie in den Arbeitsbereich oder in die providers.yaml geschrieben.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Store in Keychain</source>
        <translation>Im Schlüsselbund &amp;speichern</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>This build of Switchyard has no keychain support, so the key can&apos;t be stored.</source>
        <translation>Dieser Build von Switchyard unterstützt keinen Schlüsselbund, daher kann der Schlüssel nicht gespeichert werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;%1&quot; can&apos;t be used as a keychain entry name.</source>
        <translation>„%1“ kann nicht als Name eines Schlüsselbund-Eintrags verwendet werden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set the environment variable %1 to the key instead and reference it as env:%1 in providers.yaml.</source>
        <translation>Setzen Sie stattdessen die Umgebungsvariable %1 auf den Schlüssel und verweisen Sie in der providers.yaml mit env:%1 darauf.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The key could not be stored in the system keychain: %1
Set the environment variable %2 to the key instead and reference it as env:%2 in providers.yaml.</source>
        <translation>Der Schlüssel konnte nicht im Schlüsselbund des Systems gespeichert werden: %1
Setzen Sie stattdessen die Umgebungsvariable %2 auf den Schlüssel und verweisen Sie in der providers.yaml mit env:%2 darauf.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Stored. Reference it in providers.yaml as api_key: keychain:%1</source>
        <translation>Gespeichert. Verweisen Sie in der providers.yaml mit api_key: keychain:%1 darauf.</translation>
    </message>
</context>
<context>
    <name>Switchyard::BotCommands</name>
    <message>
        <location filename="../ui/bots/BotCommands.cpp" line="+54"/>
        <source>Add config “%1”</source>
        <translation>Konfiguration „%1“ hinzufügen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Delete config “%1”</source>
        <translation>Konfiguration „%1“ löschen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Activate config “%1”</source>
        <translation>Konfiguration „%1“ aktivieren</translation>
    </message>
</context>
<context>
    <name>Switchyard::BotDocument</name>
    <message>
        <location filename="../ui/bots/BotDocument.cpp" line="+115"/>
        <source>New bot</source>
        <translation>Neuer Bot</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Rename bot to “%1”</source>
        <translation>Bot in „%1“ umbenennen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change slug to “%1”</source>
        <translation>Slug in „%1“ ändern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Edit description</source>
        <translation>Beschreibung bearbeiten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change avatar to “%1”</source>
        <translation>Avatar in „%1“ ändern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set status to %1</source>
        <translation>Status auf %1 setzen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set type to “%1”</source>
        <translation>Typ auf „%1“ setzen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set rank to %1</source>
        <translation>Rang auf %1 setzen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Edit bot metadata</source>
        <translation>Bot-Metadaten bearbeiten</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Select the config to delete first.</source>
        <translation>Wählen Sie zuerst die Konfiguration aus, die gelöscht werden soll.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is the active config of this bot and can&apos;t be deleted; activate another config first.</source>
        <translation>„%1“ ist die aktive Konfiguration dieses Bots und kann nicht gelöscht werden; aktivieren Sie zuerst eine andere Konfiguration.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Select the config to activate first.</source>
        <translation>Wählen Sie zuerst die Konfiguration aus, die aktiviert werden soll.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is not saved yet; save the bot, then activate the config.</source>
        <translation>„%1“ ist noch nicht gespeichert; speichern Sie den Bot und aktivieren Sie dann die Konfiguration.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>There is no bot open to save.</source>
        <translation>Es ist kein Bot zum Speichern geöffnet.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The slug “%1” is taken by the deleted bot “%2”; restore that bot from the trash or choose another slug.</source>
        <translation>Der Slug „%1“ wird bereits vom gelöschten Bot „%2“ verwendet; stellen Sie diesen Bot aus dem Papierkorb wieder her oder wählen Sie einen anderen Slug.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The slug “%1” is taken by the bot “%2”; choose another name or slug.</source>
        <translation>Der Slug „%1“ wird bereits vom Bot „%2“ verwendet; wählen Sie einen anderen Namen oder Slug.</translation>
    </message>
</context>
<context>
    <name>Switchyard::BotEditorPage</name>
    <message>
        <location filename="../ui/bots/BotEditorPage.cpp" line="+74"/>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bot “%1” has unsaved changes. Save them before moving on?</source>
        <translation>Der Bot „%1“ hat ungespeicherte Änderungen. Möchten Sie sie speichern, bevor Sie fortfahren?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Redo</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Save Bot</source>
        <translation>Bot &amp;speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the bot and all its configs</source>
        <translation>Den Bot und alle seine Konfigurationen speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Revert</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Throw away the unsaved changes of this bot</source>
        <translation>Die ungespeicherten Änderungen an diesem Bot verwerfen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;New Config</source>
        <translation>&amp;Neue Konfiguration</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add an LLM config to this bot</source>
        <translation>Diesem Bot eine LLM-Konfiguration hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Activate</source>
        <translation>&amp;Aktivieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make the selected config the one the engine uses for this bot, right now</source>
        <translation>Die ausgewählte Konfiguration sofort für diesen Bot aktivieren, sodass die Engine sie verwendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete Config</source>
        <translation>Konfiguration lös&amp;chen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the selected config (when the bot is saved)</source>
        <translation>Die ausgewählte Konfiguration löschen (beim Speichern des Bots)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Compare…</source>
        <translation>&amp;Vergleichen…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show two selected configs side by side with their differences (A/B view); Ctrl+click to select the second</source>
        <translation>Zwei ausgewählte Konfigurationen nebeneinander mit ihren Unterschieden zeigen (A/B-Ansicht); die zweite mit Strg+Klick auswählen</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Select a bot in the list to edit it, or create one with New Bot.</source>
        <translation>Wählen Sie einen Bot in der Liste aus, um ihn zu bearbeiten, oder legen Sie mit „Neuer Bot“ einen neuen an.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>What users call the bot</source>
        <translation>Wie Nutzer den Bot nennen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Derived from the name</source>
        <translation>Wird aus dem Namen abgeleitet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bot&apos;s unique id in URLs and API calls: lower-case letters, digits and &apos;-&apos;. It follows the name until you change it.</source>
        <translation>Die eindeutige ID des Bots in URLs und API-Aufrufen: Kleinbuchstaben, Ziffern und &apos;-&apos;. Sie wird aus dem Namen abgeleitet, bis Sie sie selbst ändern.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A path or URL of an image</source>
        <translation>Pfad oder URL eines Bildes</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>e.g. support, astrology</source>
        <translation>z. B. support, astrology</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bots are listed by rank, lowest first</source>
        <translation>Bots werden nach Rang sortiert, der niedrigste zuerst</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A JSON object, e.g. {&quot;audience&quot;: &quot;beta&quot;}</source>
        <translation>Ein JSON-Objekt, z. B. {&quot;audience&quot;: &quot;beta&quot;}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;lug:</source>
        <translation>S&amp;lug:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Description:</source>
        <translation>B&amp;eschreibung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Avatar:</source>
        <translation>A&amp;vatar:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;ype:</source>
        <translation>T&amp;yp:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rank:</source>
        <translation>&amp;Rang:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Metadata:</source>
        <translation>&amp;Metadaten:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&lt;b&gt;LLM configs&lt;/b&gt; — the engine uses the active one</source>
        <translation>&lt;b&gt;LLM-Konfigurationen&lt;/b&gt; – die Engine verwendet die aktive</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Could not open the bot: %1</source>
        <translation>Der Bot konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>The bot was not saved: its metadata is not valid JSON (%1). Fix the metadata or undo the change, then save again.</source>
        <translation>Der Bot wurde nicht gespeichert: Seine Metadaten sind kein gültiges JSON (%1). Korrigieren Sie die Metadaten oder machen Sie die Änderung rückgängig und speichern Sie dann erneut.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The bot “%1” was not saved, and nothing was written: %2 Your changes are still here.</source>
        <translation>Der Bot „%1“ wurde nicht gespeichert, und es wurde nichts geschrieben: %2 Ihre Änderungen sind weiterhin vorhanden.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not reload the bot: %1</source>
        <translation>Der Bot konnte nicht neu geladen werden: %1</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>A slug uses lower-case letters, digits and &apos;-&apos;.</source>
        <translation>Ein Slug besteht aus Kleinbuchstaben, Ziffern und &apos;-&apos;.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A slug uses lower-case letters, digits and &apos;-&apos;, e.g. “%1”.</source>
        <translation>Ein Slug besteht aus Kleinbuchstaben, Ziffern und &apos;-&apos;, z. B. „%1“.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The metadata must be a JSON object: {&quot;key&quot;: &quot;value&quot;, …}</source>
        <translation>Die Metadaten müssen ein JSON-Objekt sein: {&quot;Schlüssel&quot;: &quot;Wert&quot;, …}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Config %1</source>
        <translation>Konfiguration %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The config was not activated: %1</source>
        <translation>Die Konfiguration wurde nicht aktiviert: %1</translation>
    </message>
</context>
<context>
    <name>Switchyard::BotsPage</name>
    <message>
        <location filename="../ui/bots/BotsPage.cpp" line="+29"/>
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
        <source>The trash is empty.
Deleted bots appear here until you restore them.</source>
        <translation>Der Papierkorb ist leer.
Gelöschte Bots erscheinen hier, bis Sie sie wiederherstellen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter deleted bots</source>
        <translation>Gelöschte Bots filtern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New &amp;Bot</source>
        <translation>Neuer &amp;Bot</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create a bot</source>
        <translation>Einen Bot anlegen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete Bot</source>
        <translation>Bot &amp;löschen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the open bot to the trash (its configs and history stay)</source>
        <translation>Den geöffneten Bot in den Papierkorb verschieben (seine Konfigurationen und sein Verlauf bleiben erhalten)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Trash</source>
        <translation>&amp;Papierkorb</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the deleted bots</source>
        <translation>Die gelöschten Bots anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bring the selected deleted bot back</source>
        <translation>Den ausgewählten gelöschten Bot wiederherstellen</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Could not read the bots of %1: %2</source>
        <translation>Die Bots von %1 konnten nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not read the deleted bots of %1: %2</source>
        <translation>Die gelöschten Bots von %1 konnten nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Could not delete the bot “%1”: %2</source>
        <translation>Der Bot „%1“ konnte nicht gelöscht werden: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Moved “%1” to the trash; restore it from there.</source>
        <translation>„%1“ wurde in den Papierkorb verschoben; dort können Sie ihn wiederherstellen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not restore the bot “%1”: %2</source>
        <translation>Der Bot „%1“ konnte nicht wiederhergestellt werden: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restored “%1”.</source>
        <translation>„%1“ wurde wiederhergestellt.</translation>
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
    <name>Switchyard::ConfigComparisonDialog</name>
    <message>
        <location filename="../ui/bots/ConfigComparisonDialog.cpp" line="+17"/>
        <source>Compare LLM Configs</source>
        <translation>LLM-Konfigurationen vergleichen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The two configs are the same in every setting.</source>
        <translation>Die beiden Konfigurationen stimmen in allen Einstellungen überein.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings that differ: %1 (highlighted).</source>
        <translation>Abweichende Einstellungen: %1 (hervorgehoben).</translation>
    </message>
</context>
<context>
    <name>Switchyard::ConfigComparisonModel</name>
    <message>
        <location filename="../ui/bots/ConfigComparisonModel.cpp" line="+81"/>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A: %1</source>
        <translation>A: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>B: %1</source>
        <translation>B: %1</translation>
    </message>
</context>
<context>
    <name>Switchyard::ConfigsTableModel</name>
    <message>
        <location filename="../ui/bots/ConfigsTableModel.cpp" line="+157"/>
        <location line="+205"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="-165"/>
        <source>The engine uses this config for the bot.</source>
        <translation>Die Engine verwendet diese Konfiguration für den Bot.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select this config and choose Activate to make the engine use it.</source>
        <translation>Wählen Sie diese Konfiguration aus und klicken Sie auf „Aktivieren“, damit die Engine sie verwendet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A pinned prompt version; leave empty to follow the prompt label.</source>
        <translation>Eine fest vorgegebene Prompt-Version; leer lassen, um dem Prompt-Label zu folgen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A named fallback chain; empty uses the provider and model rules and the universal fallback.</source>
        <translation>Eine benannte Fallback-Kette; wenn leer, gelten die Regeln für Anbieter und Modell sowie der universelle Fallback.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A JSON object, e.g. {&quot;experiment&quot;: &quot;b&quot;}</source>
        <translation>Ein JSON-Objekt, z. B. {&quot;experiment&quot;: &quot;b&quot;}</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>config %1</source>
        <translation>Konfiguration %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set %1 of “%2” to “%3”</source>
        <translation>%1 von „%2“ auf „%3“ setzen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 must be %2, or empty to leave it unset.</source>
        <translation>%1 muss %2 sein oder leer bleiben, wenn kein Wert festgelegt werden soll.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rename config “%1” to “%2”</source>
        <translation>Konfiguration „%1“ in „%2“ umbenennen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“%1” is not a provider of this workspace.</source>
        <translation>„%1“ ist kein Anbieter dieses Arbeitsbereichs.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>“%1” is not a model of the provider “%2”.</source>
        <translation>„%1“ ist kein Modell des Anbieters „%2“.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a number from 0 to 2</source>
        <translation>eine Zahl von 0 bis 2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a number from 0 to 1</source>
        <translation>eine Zahl von 0 bis 1</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+4"/>
        <source>a whole number of at least 1</source>
        <translation>eine ganze Zahl von mindestens 1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a version number of at least 1</source>
        <translation>eine Versionsnummer von mindestens 1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>There is no fallback chain named “%1” in this workspace.</source>
        <translation>In diesem Arbeitsbereich gibt es keine Fallback-Kette namens „%1“.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The metadata is not valid JSON (%1 at character %2); write a JSON object such as {&quot;experiment&quot;: &quot;b&quot;}.</source>
        <translation>Die Metadaten sind kein gültiges JSON (%1 bei Zeichen %2); geben Sie ein JSON-Objekt wie {&quot;experiment&quot;: &quot;b&quot;} ein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The metadata must be a JSON object such as {&quot;experiment&quot;: &quot;b&quot;}.</source>
        <translation>Die Metadaten müssen ein JSON-Objekt wie {&quot;experiment&quot;: &quot;b&quot;} sein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit metadata of “%1”</source>
        <translation>Metadaten von „%1“ bearbeiten</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Top P</source>
        <translation>Top P</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Top K</source>
        <translation>Top K</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Max output tokens</source>
        <translation>Max. Ausgabe-Tokens</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prompt version</source>
        <translation>Prompt-Version</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prompt label</source>
        <translation>Prompt-Label</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fallback chain</source>
        <translation>Fallback-Kette</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Metadata</source>
        <translation>Metadaten</translation>
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
        <location filename="../ui/MainWindow.cpp" line="+53"/>
        <source>Sections</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <location line="+47"/>
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
        <location line="+18"/>
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
        <location line="+5"/>
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
        <location line="+43"/>
        <source>Could not read the prompts of %1: %2</source>
        <translation>Die Prompts von %1 konnten nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Could not read the providers of %1: %2</source>
        <translation>Die Anbieter von %1 konnten nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+23"/>
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
        <location line="+14"/>
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
        <location line="+8"/>
        <source>%1 — Switchyard</source>
        <translation>%1 – Switchyard</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1[*] — %2</source>
        <translation>%1[*] – %2</translation>
    </message>
    <message>
        <location line="+17"/>
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
        <location line="+16"/>
        <source>%1 ●</source>
        <comment>a navigation entry with unsaved changes</comment>
        <translation>%1 ●</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unsaved changes — %1</source>
        <translation>Ungespeicherte Änderungen – %1</translation>
    </message>
</context>
<context>
    <name>Switchyard::PageScreenshots</name>
    <message>
        <location filename="../ui/PageScreenshots.cpp" line="+18"/>
        <source>Could not create the screenshot folder %1. Check that its parent folder is writable.</source>
        <translation>Der Ordner für Bildschirmfotos %1 konnte nicht angelegt werden. Prüfen Sie, ob der übergeordnete Ordner beschreibbar ist.</translation>
    </message>
    <message>
        <location line="+25"/>
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
    <name>Switchyard::ProviderDetailPanel</name>
    <message>
        <location filename="../ui/providers/ProviderDetailPanel.cpp" line="+62"/>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base URL:</source>
        <translation>Basis-URL:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region(s):</source>
        <translation>Region(en):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API key:</source>
        <translation>API-Schlüssel:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Context window</source>
        <translation>Kontextfenster</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Input / 1k tokens</source>
        <translation>Eingabe / 1k Tokens</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Output / 1k tokens</source>
        <translation>Ausgabe / 1k Tokens</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask the provider for its model list (or send a one-line chat) with the configured key</source>
        <translation>Den Anbieter mit dem konfigurierten Schlüssel nach seiner Modellliste fragen (oder einen einzeiligen Chat senden)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;List Models</source>
        <translation>Modelle &amp;auflisten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask the provider which models it offers right now</source>
        <translation>Den Anbieter fragen, welche Modelle er gerade anbietet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set API &amp;Key…</source>
        <translation>API-&amp;Schlüssel festlegen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Store this provider&apos;s API key in the system keychain</source>
        <translation>Den API-Schlüssel dieses Anbieters im Schlüsselbund des Systems speichern</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Models in providers.yaml:</source>
        <translation>Modelle in der providers.yaml:</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>No provider selected</source>
        <translation>Kein Anbieter ausgewählt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(the kind&apos;s default)</source>
        <translation>(Standard der Art)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none needed)</source>
        <translation>(nicht erforderlich)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>provider &quot;%1&quot;</source>
        <translation>Anbieter „%1“</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Failed (%1): %2</source>
        <translation>Fehlgeschlagen (%1): %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Testing the connection…</source>
        <translation>Verbindung wird getestet …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Asking for the model list…</source>
        <translation>Modellliste wird abgefragt …</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>OK — %1 ms; models listed: %2</source>
        <translation>OK – %1 ms; aufgelistete Modelle: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OK — %1 ms, model %2 answered a chat</source>
        <translation>OK – %1 ms, Modell %2 hat auf einen Chat geantwortet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This provider has no model list to ask; its models are the ones above.</source>
        <translation>Dieser Anbieter hat keine abfragbare Modellliste; seine Modelle sind die oben aufgeführten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed (%1)</source>
        <translation>Fehlgeschlagen (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
</context>
<context>
    <name>Switchyard::ProvidersPage</name>
    <message>
        <location filename="../ui/providers/ProvidersPage.cpp" line="+21"/>
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
        <location filename="../core/settings/Settings.cpp" line="+246"/>
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
        <location filename="../app/studio/main.cpp" line="+52"/>
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
        <location line="+13"/>
        <source>Switchyard</source>
        <translation>Switchyard</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Could not open the workspace %1.

%2

Start Switchyard with --db PATH to use another workspace file.</source>
        <translation>Der Arbeitsbereich %1 konnte nicht geöffnet werden.

%2

Starten Sie Switchyard mit --db PFAD, um eine andere Arbeitsbereichsdatei zu verwenden.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The sample workspace could not be loaded.

%1</source>
        <translation>Der Beispiel-Arbeitsbereich konnte nicht geladen werden.

%1</translation>
    </message>
</context>
</TS>
