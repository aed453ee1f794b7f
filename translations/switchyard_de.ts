<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AnswerFeedbackButtons</name>
    <message>
        <location filename="../ui/chat/AnswerFeedbackButtons.cpp" line="+134"/>
        <source>Good Answer</source>
        <translation>Gute Antwort</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bad Answer</source>
        <translation>Schlechte Antwort</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rate with a Comment…</source>
        <translation>Mit Kommentar bewerten …</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>Switchyard</name>
    <message>
        <location filename="../core/prompts/PromptLinter.cpp" line="+297"/>
        <source> at line %1, column %2</source>
        <translation> in Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Unknown variable &apos;%1&apos; — did you mean &apos;%2&apos;?</source>
        <translation>Unbekannte Variable &apos;%1&apos; – meinten Sie &apos;%2&apos;?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Variable &apos;%1&apos; is not declared under &apos;variables:&apos; and is not a system variable; declare it or correct its name.</source>
        <translation>Die Variable &apos;%1&apos; ist weder unter &apos;variables:&apos; deklariert noch eine Systemvariable; deklarieren Sie sie oder korrigieren Sie ihren Namen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Variable &apos;%1&apos; is declared but no template uses it; use it or remove it.</source>
        <translation>Die Variable &apos;%1&apos; ist deklariert, wird aber von keiner Vorlage verwendet; verwenden oder entfernen Sie sie.</translation>
    </message>
</context>
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
    <name>Switchyard::ActivityPage</name>
    <message>
        <location filename="../ui/activity/ActivityPage.cpp" line="+91"/>
        <source>Search call id, bot, prompt, provider, model or error class (Ctrl+F)</source>
        <translation>Aufruf-ID, Bot, Prompt, Anbieter, Modell oder Fehlerklasse suchen (Strg+F)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Any time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today (UTC)</source>
        <translation>Heute (UTC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom range</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Any bot</source>
        <translation>Alle Bots</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any model</source>
        <translation>Alle Modelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any status</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any error class</source>
        <translation>Alle Fehlerklassen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;To:</source>
        <translation>B&amp;is:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Find Calls</source>
        <translation>Aufrufe &amp;suchen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Go to the search box of the call log</source>
        <translation>Zum Suchfeld des Aufrufprotokolls wechseln</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Reload Calls</source>
        <translation>Aufrufe neu &amp;laden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read the recorded calls again, with calls recorded since</source>
        <translation>Die aufgezeichneten Aufrufe erneut lesen, einschließlich der seitdem aufgezeichneten</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Open Call</source>
        <translation>Aufruf ö&amp;ffnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the selected call with its attempts, prompt and conversation</source>
        <translation>Den ausgewählten Aufruf mit seinen Versuchen, seinem Prompt und seiner Unterhaltung anzeigen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Could not read the filter choices: %1</source>
        <translation>Die Filteroptionen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Counting…</source>
        <translation>Wird gezählt …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 call</source>
        <translation>1 Aufruf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 calls</source>
        <translation>%1 Aufrufe</translation>
    </message>
    <message>
        <location line="-157"/>
        <source>Any provider</source>
        <translation>Alle Anbieter</translation>
    </message>
</context>
<context>
    <name>Switchyard::AddProviderDialog</name>
    <message>
        <location filename="../ui/providers/AddProviderDialog.cpp" line="+39"/>
        <source>Add Custom Provider</source>
        <translation>Eigenen Anbieter hinzufügen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. my-vllm</source>
        <translation>z. B. my-vllm</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. Local vLLM</source>
        <translation>z. B. Local vLLM</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The wire format: openai_compatible for vLLM, LM Studio, llama.cpp and other OpenAI-compatible servers</source>
        <translation>Das Übertragungsformat: openai_compatible für vLLM, LM Studio, llama.cpp und andere OpenAI-kompatible Server</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. http://localhost:8000</source>
        <translation>z. B. http://localhost:8000</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Environment variable</source>
        <translation>Umgebungsvariable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System keychain</source>
        <translation>Schlüsselbund des Systems</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No key</source>
        <translation>Kein Schlüssel</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Store &amp;Key…</source>
        <translation>Schlüssel s&amp;peichern …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the key into the system keychain now; the workspace keeps only the reference</source>
        <translation>Den Schlüssel jetzt im Schlüsselbund des Systems speichern; der Arbeitsbereich enthält nur den Verweis</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This build of Switchyard has no keychain support: set the key in the environment variable named here before starting Switchyard.</source>
        <translation>Dieser Build von Switchyard unterstützt keinen Schlüsselbund: Setzen Sie den Schlüssel in der hier genannten Umgebungsvariable, bevor Sie Switchyard starten.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>optional, e.g. llama-3.1-8b</source>
        <translation>optional, z. B. llama-3.1-8b</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Add Provider</source>
        <translation>Anbieter &amp;hinzufügen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Id:</source>
        <translation>&amp;ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Display name:</source>
        <translation>&amp;Anzeigename:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind:</source>
        <translation>A&amp;rt:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Base URL:</source>
        <translation>&amp;Basis-URL:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First &amp;model:</source>
        <translation>Erstes &amp;Modell:</translation>
    </message>
</context>
<context>
    <name>Switchyard::AnswerCommentDialog</name>
    <message>
        <location filename="../ui/chat/AnswerCommentDialog.cpp" line="+12"/>
        <source>Good Answer</source>
        <translation>Gute Antwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bad Answer</source>
        <translation>Schlechte Antwort</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rate Answer</source>
        <translation>Antwort bewerten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was good or bad about this answer?</source>
        <translation>Was war an dieser Antwort gut oder schlecht?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Comment on the answer</source>
        <translation>Kommentar zur Antwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Store the comment with a thumbs up</source>
        <translation>Den Kommentar mit Daumen hoch speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store the comment with a thumbs down</source>
        <translation>Den Kommentar mit Daumen runter speichern</translation>
    </message>
</context>
<context>
    <name>Switchyard::AnswerDetailsPanel</name>
    <message>
        <location filename="../ui/chat/AnswerDetailsPanel.cpp" line="+37"/>
        <source>Good answer</source>
        <translation>Gute Antwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bad answer</source>
        <translation>Schlechte Antwort</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mark as Winner</source>
        <translation>Als Gewinner markieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Served by:</source>
        <translation>Beantwortet von:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens:</source>
        <translation>Tokens:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost:</source>
        <translation>Kosten:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timing:</source>
        <translation>Zeiten:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>System prompt sent</source>
        <translation>Gesendeter System-Prompt</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Optional comment</source>
        <translation>Optionaler Kommentar</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Path:</source>
        <translation>Pfad:</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>(streaming…)</source>
        <translation>(wird gestreamt …)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select an answer</source>
        <translation>Wählen Sie eine Antwort aus</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>nobody (requested %1 / %2)</source>
        <translation>niemand (angefragt: %1 / %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 / %2 / %3</source>
        <translation>%1 / %2 / %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no region</source>
        <translation>keine Region</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>input %1, cached input %2, cache write %3, output %4, reasoning %5</source>
        <translation>Eingabe %1, gecachte Eingabe %2, Cache-Schreiben %3, Ausgabe %4, Reasoning %5</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>$%1</source>
        <translation>$%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>latency %1, first token %2</source>
        <translation>Latenz %1, erstes Token %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+1"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
</context>
<context>
    <name>Switchyard::ApiKeyDialog</name>
    <message>
        <location filename="../ui/providers/ApiKeyDialog.cpp" line="+20"/>
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
        <location line="+34"/>
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
    <name>Switchyard::AttemptsTableModel</name>
    <message>
        <location filename="../ui/chat/AttemptsTableModel.cpp" line="+40"/>
        <source>stream restarted</source>
        <translation>Stream neu gestartet</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 (retry %2)</source>
        <translation>%1 (Wiederholung %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 / %2 / %3</source>
        <translation>%1 / %2 / %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Hop</source>
        <translation>Hop</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Provider / model</source>
        <translation>Anbieter / Modell</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error class</source>
        <translation>Fehlerklasse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>Switchyard::AvatarPicker</name>
    <message>
        <location filename="../ui/bots/AvatarPicker.cpp" line="+48"/>
        <source>A path or URL of an image</source>
        <translation>Ein Pfad oder eine URL zu einem Bild</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose…</source>
        <translation>Auswählen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose an image file (PNG, JPEG, SVG, WebP); the arrow offers built-in avatars</source>
        <translation>Eine Bilddatei auswählen (PNG, JPEG, SVG, WebP); der Pfeil bietet eingebaute Avatare an</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No Avatar (Initials)</source>
        <translation>Kein Avatar (Initialen)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Robot</source>
        <translation>Roboter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speech Bubble</source>
        <translation>Sprechblase</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Star</source>
        <translation>Stern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Choose Avatar</source>
        <translation>Avatar auswählen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Images (*.png *.jpg *.jpeg *.svg *.webp);;All files (*)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.svg *.webp);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>%1 is not an image Switchyard can read (PNG, JPEG, SVG or WebP). The initials are shown instead.</source>
        <translation>%1 ist kein Bild, das Switchyard lesen kann (PNG, JPEG, SVG oder WebP). Stattdessen werden die Initialen angezeigt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 does not exist. The initials are shown instead.</source>
        <translation>%1 existiert nicht. Stattdessen werden die Initialen angezeigt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Images on the web are not previewed; the bot&apos;s clients load them.</source>
        <translation>Bilder aus dem Web werden nicht in der Vorschau angezeigt; die Clients des Bots laden sie.</translation>
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
        <location filename="../ui/bots/BotEditorPage.cpp" line="+82"/>
        <source>The bot “%1” has unsaved changes. Save them before moving on?</source>
        <translation>Der Bot „%1“ hat ungespeicherte Änderungen. Möchten Sie sie speichern, bevor Sie fortfahren?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redo</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+51"/>
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
        <location line="+18"/>
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
        <location line="+42"/>
        <source>&lt;b&gt;Fallback path&lt;/b&gt; of the selected config — the order the engine tries</source>
        <translation>&lt;b&gt;Fallback-Pfad&lt;/b&gt; der ausgewählten Konfiguration – die Reihenfolge, in der die Engine es versucht</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not open the bot: %1</source>
        <translation>Der Bot konnte nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location line="+63"/>
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
    <name>Switchyard::CallDetailDialog</name>
    <message>
        <location filename="../ui/activity/CallDetailDialog.cpp" line="+68"/>
        <source>Reading the call…</source>
        <translation>Der Aufruf wird gelesen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Call</source>
        <translation>Aufruf</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>System Prompt Sent</source>
        <translation>Gesendeter System-Prompt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages Sent</source>
        <translation>Gesendete Nachrichten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prompt Template</source>
        <translation>Prompt-Vorlage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open in Chat Tester</source>
        <translation>Im Chat-Tester öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reopen the conversation of this call, or start one on its config with its message</source>
        <translation>Die Unterhaltung dieses Aufrufs erneut öffnen oder mit seiner Nachricht eine neue auf seiner Konfiguration beginnen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Attempt path</source>
        <translation>Versuchspfad</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Could not read the call: %1</source>
        <translation>Der Aufruf konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Call %1</source>
        <translation>Aufruf %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <location line="+9"/>
        <location line="+2"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not measured</source>
        <translation>nicht gemessen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call id:</source>
        <translation>Aufruf-ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time:</source>
        <translation>Zeit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bot:</source>
        <translation>Bot:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Config:</source>
        <translation>Konfiguration:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prompt:</source>
        <translation>Prompt:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1@%2</source>
        <translation>%1@%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Asked for:</source>
        <translation>Angefordert:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answered by:</source>
        <translation>Beantwortet von:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tokens:</source>
        <translation>Tokens:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 input, %2 cached, %3 output, %4 reasoning</source>
        <translation>%1 Eingabe, %2 gecacht, %3 Ausgabe, %4 Reasoning</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cost:</source>
        <translation>Kosten:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>$%1</source>
        <translation>$%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latency:</source>
        <translation>Latenz:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (first token after %2)</source>
        <translation>%1 (erstes Token nach %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prompt sent:</source>
        <translation>Gesendeter Prompt:</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>recorded (%n message(s))</source>
        <translation>
            <numerusform>aufgezeichnet (%n Nachricht)</numerusform>
            <numerusform>aufgezeichnet (%n Nachrichten)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not recorded</source>
        <translation>nicht aufgezeichnet</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not recorded: this call was stored without the prompt it sent (a call from before this version of Switchyard, or demo data). The Prompt Template tab shows the template of its prompt version.</source>
        <translation>Nicht aufgezeichnet: Dieser Aufruf wurde ohne den gesendeten Prompt gespeichert (ein Aufruf aus der Zeit vor dieser Version von Switchyard oder Demodaten). Die Registerkarte „Prompt-Vorlage“ zeigt die Vorlage seiner Prompt-Version.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The call was sent without a system prompt.</source>
        <translation>Der Aufruf wurde ohne System-Prompt gesendet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>[%1]
%2</source>
        <translation>[%1]
%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The call was sent without messages.</source>
        <translation>Der Aufruf wurde ohne Nachrichten gesendet.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This call used no stored prompt.</source>
        <translation>Dieser Aufruf hat keinen gespeicherten Prompt verwendet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The prompt %1 is not in this workspace: %2</source>
        <translation>Der Prompt %1 ist nicht in diesem Arbeitsbereich: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This call was not made from a chat session, so no conversation was recorded with it.</source>
        <translation>Dieser Aufruf stammt nicht aus einer Chat-Sitzung, daher wurde keine Unterhaltung dazu aufgezeichnet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not read the conversation: %1</source>
        <translation>Die Unterhaltung konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>[%1] %2</source>
        <translation>[%1] %2</translation>
    </message>
</context>
<context>
    <name>Switchyard::CallsTableModel</name>
    <message>
        <location filename="../ui/activity/CallsTableModel.cpp" line="+84"/>
        <source>Could not read the recorded calls: %1</source>
        <translation>Die aufgezeichneten Aufrufe konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Could not count the recorded calls: %1</source>
        <translation>Die aufgezeichneten Aufrufe konnten nicht gezählt werden: %1</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1@%2</source>
        <translation>%1@%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>$%1</source>
        <translation>$%1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bot</source>
        <translation>Bot</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Config</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Served by</source>
        <translation>Beantwortet von</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error class</source>
        <translation>Fehlerklasse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cost (USD)</source>
        <translation>Kosten (USD)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TTFT</source>
        <translation>TTFT</translation>
    </message>
    <message>
        <location line="-126"/>
        <source>Could not read more calls: %1</source>
        <translation>Weitere Aufrufe konnten nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>Switchyard::ChainPathView</name>
    <message>
        <location filename="../ui/bots/ChainPathView.cpp" line="+53"/>
        <source>Fallback path</source>
        <translation>Fallback-Pfad</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>context unknown</source>
        <translation>Kontext unbekannt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1M tokens</source>
        <translation>%1 Mio. Tokens</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1K tokens</source>
        <translation>%1K Tokens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 tokens</source>
        <translation>%1 Tokens</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>price unknown</source>
        <translation>Preis unbekannt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>$%1 / $%2 per 1M in / out</source>
        <translation>$%1 / $%2 pro 1 Mio. Ein-/Ausgabe</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 · universal fallback</source>
        <translation>%1 · universeller Fallback</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Primary</source>
        <translation>Primär</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fallback rule</source>
        <translation>Fallback-Regel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chain “%1”</source>
        <translation>Kette „%1“</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Universal fallback</source>
        <translation>Universeller Fallback</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2 / %3</source>
        <translation>%1: %2 / %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Region: %1</source>
        <translation>Region: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Context window: %1</source>
        <translation>Kontextfenster: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Price: %1</source>
        <translation>Preis: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price: %1 (from %2)</source>
        <translation>Preis: %1 (aus %2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Warning: this hop&apos;s context window (%1) is smaller than the primary&apos;s (%2). A conversation that fits the primary may be too long here.</source>
        <translation>Warnung: Das Kontextfenster dieses Hops (%1) ist kleiner als das des primären Modells (%2). Eine Unterhaltung, die in das primäre Modell passt, kann hier zu lang sein.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>No hop of this config could be planned; see the warnings below.</source>
        <translation>Für diese Konfiguration konnte kein Hop geplant werden; siehe die Warnungen unten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a config to see the path its calls take.</source>
        <translation>Wählen Sie eine Konfiguration aus, um den Pfad ihrer Aufrufe zu sehen.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>Switchyard::ChaosHopsModel</name>
    <message>
        <location filename="../ui/chat/ChaosHopsModel.cpp" line="+42"/>
        <source>429 rate limited</source>
        <translation>429 Ratenlimit erreicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>500 server error</source>
        <translation>500 Serverfehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>503 unavailable</source>
        <translation>503 nicht verfügbar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timeout</source>
        <translation>Timeout</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stream cut</source>
        <translation>Stream abgebrochen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Context too long</source>
        <translation>Kontext zu lang</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Half-open</source>
        <translation>Halb offen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forced open</source>
        <translation>Erzwungen offen</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Armed: %1</source>
        <translation>Scharf: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The next call that reaches this hop fails this way; then it disarms.</source>
        <translation>Der nächste Aufruf, der diesen Hop erreicht, schlägt auf diese Weise fehl; danach wird der Fehler entschärft.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No fault armed: calls reach the provider normally.</source>
        <translation>Kein Fehler scharf geschaltet: Aufrufe erreichen den Anbieter normal.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Circuit breaker %1</source>
        <translation>Circuit Breaker %1</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Hop</source>
        <translation>Hop</translation>
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
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fault</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Breaker</source>
        <translation>Breaker</translation>
    </message>
</context>
<context>
    <name>Switchyard::ChaosPanel</name>
    <message>
        <location filename="../ui/chat/ChaosPanel.cpp" line="+24"/>
        <source>Fail a hop of the next call the way its provider would, and watch the fallback.</source>
        <translation>Lassen Sie einen Hop des nächsten Aufrufs so fehlschlagen, wie es sein Anbieter tun würde, und beobachten Sie den Fallback.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Arm</source>
        <translation>Scharf schalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fail the selected hop of the next call with this fault.</source>
        <translation>Den ausgewählten Hop des nächsten Aufrufs mit diesem Fehler fehlschlagen lassen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disarm</source>
        <translation>Entschärfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Force Open</source>
        <translation>Öffnen erzwingen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the selected hop&apos;s circuit breaker: calls skip it until it is reset.</source>
        <translation>Den Circuit Breaker des ausgewählten Hops öffnen: Aufrufe überspringen ihn, bis er zurückgesetzt wird.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close the selected hop&apos;s circuit breaker.</source>
        <translation>Den Circuit Breaker des ausgewählten Hops schließen.</translation>
    </message>
</context>
<context>
    <name>Switchyard::ChatColumn</name>
    <message>
        <location filename="../ui/chat/ChatColumn.cpp" line="+82"/>
        <source>**Not sent:** %1</source>
        <translation>**Nicht gesendet:** %1</translation>
    </message>
</context>
<context>
    <name>Switchyard::ChatPage</name>
    <message>
        <location filename="../ui/chat/ChatPage.cpp" line="+104"/>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Billed</source>
        <translation>Abrechnen</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+91"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location line="-91"/>
        <location line="+92"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location line="-91"/>
        <location line="+92"/>
        <source>Regenerate</source>
        <translation>Neu generieren</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>Edit &amp;&amp; Resend</source>
        <translation>Bearbeiten &amp;&amp; erneut senden</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Send the same message to up to four configs at once</source>
        <translation>Dieselbe Nachricht an bis zu vier Konfigurationen gleichzeitig senden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User ref</source>
        <translation>Benutzerreferenz</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Charge the user&apos;s wallet the bot&apos;s per-message price, locked when the session starts</source>
        <translation>Dem Guthaben des Nutzers den Preis pro Nachricht des Bots belasten, festgelegt beim Start der Sitzung</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Type a message — Ctrl+Enter sends, Enter starts a new line</source>
        <translation>Nachricht eingeben – Strg+Enter sendet, Enter beginnt eine neue Zeile</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Bot:</source>
        <translation>Bot:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Config:</source>
        <translation>Konfiguration:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Variables</source>
        <translation>Variablen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chaos</source>
        <translation>Chaos</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Edit and Resend</source>
        <translation>Bearbeiten und erneut senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New Conversation</source>
        <translation>Neue Unterhaltung</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Session exported to %1</source>
        <translation>Sitzung nach %1 exportiert</translation>
    </message>
    <message>
        <location line="+326"/>
        <source>The comparison of session %1 has no columns left.</source>
        <translation>Der Vergleich der Sitzung %1 hat keine Spalten mehr.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The bot of comparison %1 no longer exists; its messages are in the database.</source>
        <translation>Der Bot des Vergleichs %1 existiert nicht mehr; seine Nachrichten befinden sich in der Datenbank.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Column(s) %1 of this comparison can not be shown: their configs no longer exist.</source>
        <translation>Spalte(n) %1 dieses Vergleichs können nicht angezeigt werden: Die zugehörigen Konfigurationen existieren nicht mehr.</translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>Loading the call details of %n answer(s)…</source>
        <translation>
            <numerusform>Die Aufrufdetails von %n Antwort werden geladen …</numerusform>
            <numerusform>Die Aufrufdetails von %n Antworten werden geladen …</numerusform>
        </translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Some call details could not be read: %1</source>
        <translation>Einige Aufrufdetails konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Stop the answer in progress before opening call %1.</source>
        <translation>Stoppen Sie die laufende Antwort, bevor Sie Aufruf %1 öffnen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opening call %1…</source>
        <translation>Aufruf %1 wird geöffnet …</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+4"/>
        <source>Could not open call %1: %2</source>
        <translation>Aufruf %1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The bot of call %1 no longer exists, so it can not be asked again.</source>
        <translation>Der Bot von Aufruf %1 existiert nicht mehr, daher kann die Frage nicht erneut gestellt werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call %1 was not made with a bot (an ad-hoc call), so the chat tester can not ask it again.</source>
        <translation>Aufruf %1 wurde nicht über einen Bot ausgeführt (ein Ad-hoc-Aufruf), daher kann der Chat-Tester die Frage nicht erneut stellen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The config of call %1 no longer exists; the bot&apos;s active config is chosen.</source>
        <translation>Die Konfiguration von Aufruf %1 existiert nicht mehr; die aktive Konfiguration des Bots wird ausgewählt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Call %1 was recorded without its message; type one to ask again.</source>
        <translation>Aufruf %1 wurde ohne seine Nachricht aufgezeichnet; geben Sie eine ein, um erneut zu fragen.</translation>
    </message>
    <message>
        <location line="+187"/>
        <source>Winner of the comparison %1</source>
        <translation>Gewinner des Vergleichs %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> vs </source>
        <translation> vs. </translation>
    </message>
    <message>
        <location line="-667"/>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location line="-224"/>
        <source>(not recorded: this call was stored without the prompt it sent)</source>
        <translation>(nicht aufgezeichnet: Dieser Aufruf wurde ohne den gesendeten Prompt gespeichert)</translation>
    </message>
    <message>
        <location line="+232"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Active config (%1)</source>
        <translation>Aktive Konfiguration (%1)</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Chaos controls: %1</source>
        <translation>Chaos-Steuerung: %1</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Billed: the price locks at the first message</source>
        <translation>Abgerechnet: Der Preis wird bei der ersten Nachricht festgelegt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Billed %1 per message (locked %2)</source>
        <translation>Abgerechnet: %1 pro Nachricht (festgelegt am %2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Session not billed</source>
        <translation>Sitzung wird nicht abgerechnet</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>The bot of session %1 no longer exists; its messages are in the database.</source>
        <translation>Der Bot der Sitzung %1 existiert nicht mehr; ihre Nachrichten befinden sich in der Datenbank.</translation>
    </message>
    <message>
        <location line="+339"/>
        <source>Charged %1 µ$; the wallet holds %2 µ$</source>
        <translation>%1 µ$ belastet; das Guthaben beträgt %2 µ$</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>The winner was not stored: %1</source>
        <translation>Der Gewinner wurde nicht gespeichert: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%1 — ★ won %n turn(s)</source>
        <translation>
            <numerusform>%1 – ★ %n Runde gewonnen</numerusform>
            <numerusform>%1 – ★ %n Runden gewonnen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Stored: thumbs up</source>
        <translation>Gespeichert: Daumen hoch</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stored: thumbs down</source>
        <translation>Gespeichert: Daumen runter</translation>
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
    <name>Switchyard::DashboardsPage</name>
    <message>
        <location filename="../ui/dashboards/DashboardsPage.cpp" line="+94"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Image (PNG)…</source>
        <translation>Bild (PNG) …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vector image (SVG)…</source>
        <translation>Vektorgrafik (SVG) …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data (CSV)…</source>
        <translation>Daten (CSV) …</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Click a bar to list the calls behind it.</source>
        <translation>Klicken Sie auf einen Balken, um die zugehörigen Aufrufe aufzulisten.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Compare the versions of &amp;prompt:</source>
        <translation>Versionen des &amp;Prompts vergleichen:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Double-click a version to list its calls.</source>
        <translation>Doppelklicken Sie auf eine Version, um ihre Aufrufe aufzulisten.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bot</source>
        <translation>Bot</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Prompt version</source>
        <translation>Prompt-Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Any bot</source>
        <translation>Alle Bots</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any provider</source>
        <translation>Alle Anbieter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any model</source>
        <translation>Alle Modelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any prompt</source>
        <translation>Alle Prompts</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>any version</source>
        <translation>alle Versionen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any config</source>
        <translation>alle Konfigurationen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;To:</source>
        <translation>B&amp;is:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Group by:</source>
        <translation>&amp;Gruppieren nach:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Bot:</source>
        <translation>&amp;Bot:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Provider:</source>
        <translation>&amp;Anbieter:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Model:</source>
        <translation>&amp;Modell:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;rompt:</source>
        <translation>P&amp;rompt:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Version:</source>
        <translation>V&amp;ersion:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Config:</source>
        <translation>&amp;Konfiguration:</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Could not read the filter choices: %1</source>
        <translation>Die Filteroptionen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>Could not read the reports: %1</source>
        <translation>Die Berichte konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>all calls</source>
        <translation>alle Aufrufe</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+11"/>
        <source>other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Cost over time (USD)</source>
        <translation>Kosten im Zeitverlauf (USD)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+218"/>
        <location line="+55"/>
        <source>USD</source>
        <translation>USD</translation>
    </message>
    <message>
        <location line="-270"/>
        <source>%1 · %2: $%3</source>
        <translation>%1 · %2: $%3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cached input</source>
        <translation>gecachte Eingabe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>reasoning</source>
        <translation>Reasoning</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Tokens over time</source>
        <translation>Tokens im Zeitverlauf</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 · %2: %3 tokens</source>
        <translation>%1 · %2: %3 Tokens</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TTFT p50</source>
        <translation>TTFT p50</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Latency per model (ms)</source>
        <translation>Latenz pro Modell (ms)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 · %2: %3 ms over %4 calls</source>
        <translation>%1 · %2: %3 ms über %4 Aufrufe</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+15"/>
        <location line="+374"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="-381"/>
        <source>answered</source>
        <translation>beantwortet</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Success and errors</source>
        <translation>Erfolge und Fehler</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+31"/>
        <source>calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>%1 · %2: %3 of %4 calls (%5%)</source>
        <translation>%1 · %2: %3 von %4 Aufrufen (%5 %)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>first hop</source>
        <translation>erster Hop</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>fallback hop %1</source>
        <translation>Fallback-Hop %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Which hop answered</source>
        <translation>Welcher Hop geantwortet hat</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 · hop %2: %3 of %4 answered calls; fallback rate %5%</source>
        <translation>%1 · Hop %2: %3 von %4 beantworteten Aufrufen; Fallback-Rate %5 %</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>approval %</source>
        <translation>Zustimmung in %</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2 up, %3 down (%4% approval) over %5 calls</source>
        <translation>%1: %2 × Daumen hoch, %3 × Daumen runter (%4 % Zustimmung) über %5 Aufrufe</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Approval per prompt version</source>
        <translation>Zustimmung pro Prompt-Version</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approval per model</source>
        <translation>Zustimmung pro Modell</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Circuit breakers opened (provider and model filters)</source>
        <translation>Geöffnete Circuit Breaker (Anbieter- und Modellfilter)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>opens</source>
        <translation>Öffnungen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 · %2: opened %3 times by the engine, forced open %4 times</source>
        <translation>%1 · %2: %3-mal von der Engine geöffnet, %4-mal erzwungen geöffnet</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>mean / conversation</source>
        <translation>Mittelwert / Unterhaltung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>median / conversation</source>
        <translation>Median / Unterhaltung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>mean / message</source>
        <translation>Mittelwert / Nachricht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>median / message</source>
        <translation>Median / Nachricht</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cost per conversation and per message (USD)</source>
        <translation>Kosten pro Unterhaltung und pro Nachricht (USD)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 · %2: $%3 (%4 conversations, %5 messages, $%6 in all)</source>
        <translation>%1 · %2: $%3 (%4 Unterhaltungen, %5 Nachrichten, insgesamt $%6)</translation>
    </message>
    <message>
        <location line="+38"/>
        <location line="+17"/>
        <source>%1 daily limit</source>
        <translation>Tageslimit von %1</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Budget use (no bot has a daily budget)</source>
        <translation>Budgetnutzung (kein Bot hat ein Tagesbudget)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Daily spend against budget</source>
        <translation>Tägliche Ausgaben im Vergleich zum Budget</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 · %2: $%3 over %4 calls</source>
        <translation>%1 · %2: $%3 für %4 Aufrufe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; %1% of the $%2 daily limit</source>
        <translation>; %1 % des Tageslimits von $%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>; %1 of %2 tokens (%3%)</source>
        <translation>; %1 von %2 Tokens (%3 %)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 — over budget</source>
        <translation>%1 – Budget überschritten</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SVG images (*.svg)</source>
        <translation>SVG-Bilder (*.svg)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export Chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Versions of %1</source>
        <translation>Versionen von %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Could not write %1. Check that the folder exists and is writable, then export again.</source>
        <translation>%1 konnte nicht geschrieben werden. Prüfen Sie, ob der Ordner existiert und beschreibbar ist, und exportieren Sie erneut.</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+24"/>
        <location line="+7"/>
        <location line="+33"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>answered calls of %1</source>
        <translation>beantwortete Aufrufe von %1</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Counting the calls in %1…</source>
        <translation>Die Aufrufe in %1 werden gezählt…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 calls in %2 (double-click a call for its attempt path)</source>
        <translation>%1 Aufrufe in %2 (doppelklicken Sie auf einen Aufruf, um seinen Versuchspfad zu sehen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not count the calls: %1</source>
        <translation>Die Aufrufe konnten nicht gezählt werden: %1</translation>
    </message>
</context>
<context>
    <name>Switchyard::FileMenuActions</name>
    <message>
        <location filename="../ui/FileMenuActions.cpp" line="+35"/>
        <location line="+69"/>
        <location line="+7"/>
        <location line="+11"/>
        <source>New Workspace</source>
        <translation>Neuer Arbeitsbereich</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>Start the new workspace with the sample bots, prompts and providers, or empty?</source>
        <translation>Soll der neue Arbeitsbereich mit den Beispiel-Bots, -Prompts und -Anbietern beginnen oder leer sein?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Sample Workspace</source>
        <translation>&amp;Beispiel-Arbeitsbereich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Empty Workspace</source>
        <translation>&amp;Leerer Arbeitsbereich</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;New Workspace…</source>
        <translation>&amp;Neuer Arbeitsbereich …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a workspace file, empty or with the sample bots, and open it</source>
        <translation>Eine Arbeitsbereichsdatei anlegen, leer oder mit den Beispiel-Bots, und öffnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import Prompt Folder…</source>
        <translation>Prompt-Ordner &amp;importieren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import every prompt file of a folder; changed files become new versions</source>
        <translation>Alle Prompt-Dateien eines Ordners importieren; geänderte Dateien werden zu neuen Versionen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport Prompt Folder…</source>
        <translation>Prompt-Ordner e&amp;xportieren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the latest version of every prompt to a folder, one file per prompt</source>
        <translation>Die neueste Version jedes Prompts in einen Ordner schreiben, eine Datei pro Prompt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import &amp;providers.yaml…</source>
        <translation>&amp;providers.yaml importieren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace the workspace&apos;s providers, models, prices and chains with a file</source>
        <translation>Die Anbieter, Modelle, Preise und Ketten des Arbeitsbereichs durch eine Datei ersetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export provi&amp;ders.yaml…</source>
        <translation>provi&amp;ders.yaml exportieren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the workspace&apos;s providers as providers.yaml; API keys stay references</source>
        <translation>Die Anbieter des Arbeitsbereichs als providers.yaml schreiben; API-Schlüssel bleiben Verweise</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export P&amp;rices…</source>
        <translation>P&amp;reise exportieren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write every stored price (providers.yaml, LiteLLM, manual) as a CSV file</source>
        <translation>Alle gespeicherten Preise (providers.yaml, LiteLLM, manuell) als CSV-Datei schreiben</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Switchyard workspaces (*.db *.sqlite *.switchyard)</source>
        <translation>Switchyard-Arbeitsbereiche (*.db *.sqlite *.switchyard)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 already exists and was left as it is. Choose a new file name, or open the file with File ▸ Open Workspace….</source>
        <translation>%1 existiert bereits und wurde unverändert gelassen. Wählen Sie einen neuen Dateinamen oder öffnen Sie die Datei über Datei ▸ Arbeitsbereich öffnen ….</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The workspace %1 was not created: %2</source>
        <translation>Der Arbeitsbereich %1 wurde nicht angelegt: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Created %1 with %2 sample bots, %3 prompts and %4 providers</source>
        <translation>%1 wurde mit %2 Beispiel-Bots, %3 Prompts und %4 Anbietern angelegt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Created the empty workspace %1</source>
        <translation>Der leere Arbeitsbereich %1 wurde angelegt</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+19"/>
        <location line="+25"/>
        <location line="+11"/>
        <source>Import Prompt Folder</source>
        <translation>Prompt-Ordner importieren</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Importing prompt files from %1…</source>
        <translation>Prompt-Dateien werden aus %1 importiert …</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Imported from %1</source>
        <translation>Aus %1 importiert</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Nothing was imported from %1: %2

Fix the file and import again.</source>
        <translation>Aus %1 wurde nichts importiert: %2

Korrigieren Sie die Datei und importieren Sie erneut.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Imported %1 new prompts from %2; %3 updated (a new version each), %4 unchanged.</source>
        <translation>%1 neue Prompts aus %2 importiert; %3 aktualisiert (jeweils eine neue Version), %4 unverändert.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+44"/>
        <source>Warnings:</source>
        <translation>Warnungen:</translation>
    </message>
    <message>
        <location line="-35"/>
        <location line="+6"/>
        <location line="+5"/>
        <source>Export Prompt Folder</source>
        <translation>Prompt-Ordner exportieren</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>The prompts were not exported to %1: %2</source>
        <translation>Die Prompts wurden nicht nach %1 exportiert: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exported %1 prompts to %2, one file per prompt.</source>
        <translation>%1 Prompts nach %2 exportiert, eine Datei pro Prompt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+7"/>
        <location line="+12"/>
        <source>Import providers.yaml</source>
        <translation>providers.yaml importieren</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+25"/>
        <source>YAML files (*.yaml *.yml)</source>
        <translation>YAML-Dateien (*.yaml *.yml)</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>The providers were not changed: %1

Fix the file and import again.</source>
        <translation>Die Anbieter wurden nicht geändert: %1

Korrigieren Sie die Datei und importieren Sie erneut.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Imported %1 providers with %2 models and %3 fallback chains from %4.</source>
        <translation>%1 Anbieter mit %2 Modellen und %3 Fallback-Ketten aus %4 importiert.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+6"/>
        <location line="+4"/>
        <source>Export providers.yaml</source>
        <translation>providers.yaml exportieren</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>The providers were not exported: %1</source>
        <translation>Die Anbieter wurden nicht exportiert: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exported %1 providers to %2. API keys are written as references (environment variable or keychain entry), never as values.</source>
        <translation>%1 Anbieter nach %2 exportiert. API-Schlüssel werden als Verweise (Umgebungsvariable oder Schlüsselbund-Eintrag) geschrieben, nie als Werte.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+6"/>
        <location line="+4"/>
        <source>Export Prices</source>
        <translation>Preise exportieren</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The prices were not exported, nothing was written: %1</source>
        <translation>Die Preise wurden nicht exportiert, nichts wurde geschrieben: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Exported %1 prices to %2.</source>
        <translation>%1 Preise nach %2 exportiert.</translation>
    </message>
</context>
<context>
    <name>Switchyard::FilterTablePage</name>
    <message>
        <location filename="../ui/FilterTablePage.cpp" line="+30"/>
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
    <name>Switchyard::LabelHistoryModel</name>
    <message>
        <location filename="../ui/prompts/LabelHistoryModel.cpp" line="+47"/>
        <source>v%1 → v%2</source>
        <translation>v%1 → v%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new → v%1</source>
        <translation>neu → v%1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move</source>
        <translation>Verschiebung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Moved By</source>
        <translation>Verschoben von</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When</source>
        <translation>Zeitpunkt</translation>
    </message>
</context>
<context>
    <name>Switchyard::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+62"/>
        <source>Sections</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+8"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
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
        <location line="+12"/>
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
        <location line="+46"/>
        <source>Could not read the prompts of %1: %2</source>
        <translation>Die Prompts von %1 konnten nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Could not read the providers of %1: %2</source>
        <translation>Die Anbieter von %1 konnten nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&amp;Bot</source>
        <translation>B&amp;ot</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Prompt</source>
        <translation>&amp;Prompt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>P&amp;rovider</source>
        <translation>A&amp;nbieter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Activity</source>
        <translation>A&amp;ktivität</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Could not open the workspace %1.

%2

The current workspace stays open.</source>
        <translation>Der Arbeitsbereich %1 konnte nicht geöffnet werden.

%2

Der aktuelle Arbeitsbereich bleibt geöffnet.</translation>
    </message>
    <message>
        <location line="+14"/>
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
        <location line="+15"/>
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
        <location line="+7"/>
        <source>Engine idle</source>
        <translation>Engine im Leerlauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Engine: 1 call streaming</source>
        <translation>Engine: 1 Aufruf wird gestreamt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Engine: %1 calls streaming</source>
        <translation>Engine: %1 Aufrufe werden gestreamt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 — Switchyard</source>
        <translation>%1 – Switchyard</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+6"/>
        <source>%1[*] — %2</source>
        <translation>%1[*] – %2</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Providers[*] — %1</source>
        <translation>Anbieter[*] – %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Cannot Open Workspace</source>
        <translation>Arbeitsbereich kann nicht geöffnet werden</translation>
    </message>
</context>
<context>
    <name>Switchyard::ModelItemDelegate</name>
    <message>
        <location filename="../ui/providers/ModelItemDelegate.cpp" line="+30"/>
        <source>not set</source>
        <translation>nicht festgelegt</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>Switchyard::ModelsTableModel</name>
    <message>
        <location filename="../ui/providers/ModelsTableModel.cpp" line="+192"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The model supports “%1”</source>
        <translation>Das Modell unterstützt „%1“</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+2"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The stored price accounting uses: manual, else providers.yaml (saved), else LiteLLM</source>
        <translation>Der gespeicherte Preis, den die Abrechnung verwendet: manuell, sonst providers.yaml (gespeichert), sonst LiteLLM</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Empty: billed at the input (cached, cache write) or output (reasoning) price</source>
        <translation>Leer: abgerechnet zum Eingabepreis (gecacht, Cache-Schreiben) bzw. Ausgabepreis (Reasoning)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Mark “%1” as supporting %2</source>
        <translation>„%1“ als %2 unterstützend markieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark “%1” as not supporting %2</source>
        <translation>„%1“ als %2 nicht unterstützend markieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Change %1 of “%2”</source>
        <translation>%1 von „%2“ ändern</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Context window</source>
        <translation>Kontextfenster</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Input / 1k tokens</source>
        <translation>Eingabe / 1K Tokens</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output / 1k tokens</source>
        <translation>Ausgabe / 1K Tokens</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cached input / 1k</source>
        <translation>Gecachte Eingabe / 1K</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cache write / 1k</source>
        <translation>Cache-Schreiben / 1K</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reasoning / 1k</source>
        <translation>Reasoning / 1K</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Max output</source>
        <translation>Max. Ausgabe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Streaming</source>
        <translation>Streaming</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vision</source>
        <translation>Vision</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tools</source>
        <translation>Tools</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reasoning</source>
        <translation>Reasoning</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Embeddings</source>
        <translation>Embeddings</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LiteLLM price</source>
        <translation>LiteLLM-Preis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Billed price</source>
        <translation>Abgerechneter Preis</translation>
    </message>
</context>
<context>
    <name>Switchyard::MoveLabelCommand</name>
    <message>
        <location filename="../ui/prompts/MoveLabelCommand.cpp" line="+11"/>
        <source>Move label “%1” from v%2 to v%3</source>
        <translation>Label „%1“ von v%2 auf v%3 verschieben</translation>
    </message>
</context>
<context>
    <name>Switchyard::MoveLabelDialog</name>
    <message>
        <location filename="../ui/prompts/MoveLabelDialog.cpp" line="+18"/>
        <location line="+15"/>
        <source>Move Label</source>
        <translation>Label verschieben</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Choose a label or type the name of a new one</source>
        <translation>Wählen Sie ein Label aus oder geben Sie den Namen eines neuen ein</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Which label should point at version %1?</source>
        <translation>Welches Label soll auf Version %1 zeigen?</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Type a label name.</source>
        <translation>Geben Sie einen Label-Namen ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A label starts with a letter or digit and has only letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos; (at most 64 characters).</source>
        <translation>Ein Label beginnt mit einem Buchstaben oder einer Ziffer und enthält nur Buchstaben, Ziffern, &apos;_&apos;, &apos;.&apos; und &apos;-&apos; (höchstens 64 Zeichen).</translation>
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
        <location filename="../ui/PageScreenshots.cpp" line="+76"/>
        <source>Could not create the screenshot folder %1. Check that its parent folder is writable.</source>
        <translation>Der Ordner für Bildschirmfotos %1 konnte nicht angelegt werden. Prüfen Sie, ob der übergeordnete Ordner beschreibbar ist.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>What does today hold for a Leo who starts a new job?</source>
        <translation>Was bringt der heutige Tag für einen Löwen, der eine neue Stelle antritt?</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Could not write the screenshot %1. Check that the folder is writable and the disk is not full.</source>
        <translation>Das Bildschirmfoto %1 konnte nicht geschrieben werden. Prüfen Sie, ob der Ordner beschreibbar und der Datenträger nicht voll ist.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>And for a Virgo?</source>
        <translation>Und für eine Jungfrau?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Give me one lucky number.</source>
        <translation>Nenne mir eine Glückszahl.</translation>
    </message>
</context>
<context>
    <name>Switchyard::ParameterChangesModel</name>
    <message>
        <location filename="../ui/prompts/ParameterChangesModel.cpp" line="+8"/>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>(not set)</source>
        <translation>(nicht festgelegt)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Parameter</source>
        <translation>Parameter</translation>
    </message>
</context>
<context>
    <name>Switchyard::PromptCompletionModel</name>
    <message>
        <location filename="../ui/prompts/PromptCompletionModel.cpp" line="+43"/>
        <source>declared</source>
        <translation>deklariert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>system variable</source>
        <translation>Systemvariable</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>other prompt</source>
        <translation>anderer Prompt</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 — %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — %2: %3</source>
        <translation>%1 – %2: %3</translation>
    </message>
</context>
<context>
    <name>Switchyard::PromptDiffDialog</name>
    <message>
        <location filename="../ui/prompts/PromptDiffDialog.cpp" line="+63"/>
        <source>&amp;Next Change</source>
        <translation>&amp;Nächste Änderung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Previous Change</source>
        <translation>&amp;Vorherige Änderung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compare Versions — %1</source>
        <translation>Versionen vergleichen – %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The older side of the comparison</source>
        <translation>Die ältere Seite des Vergleichs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The newer side of the comparison</source>
        <translation>Die neuere Seite des Vergleichs</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Left:</source>
        <translation>Links:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Right:</source>
        <translation>Rechts:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Changed parameters</source>
        <translation>Geänderte Parameter</translation>
    </message>
    <message>
        <location line="+51"/>
        <location line="+86"/>
        <location line="+1"/>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>Version %1 — %2</source>
        <translation>Version %1 – %2</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>The texts of the two versions are identical.</source>
        <translation>Die Texte der beiden Versionen sind identisch.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lines removed: %1, added: %2, in %3 places.</source>
        <translation>Zeilen entfernt: %1, hinzugefügt: %2, an %3 Stellen.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Parameters can&apos;t be compared: %1</source>
        <translation>Die Parameter können nicht verglichen werden: %1</translation>
    </message>
</context>
<context>
    <name>Switchyard::PromptEditorDocument</name>
    <message>
        <location filename="../ui/prompts/PromptEditorDocument.cpp" line="+116"/>
        <source>“%1” is not a valid prompt key: use lower-case letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;.</source>
        <translation>„%1“ ist kein gültiger Prompt-Schlüssel: Verwenden Sie Kleinbuchstaben, Ziffern, &apos;_&apos;, &apos;.&apos; und &apos;-&apos;.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A prompt “%1” already exists; open it from the list or choose another key.</source>
        <translation>Ein Prompt „%1“ existiert bereits; öffnen Sie ihn aus der Liste oder wählen Sie einen anderen Schlüssel.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No prompt is open.</source>
        <translation>Es ist kein Prompt geöffnet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Version %1 is open for viewing only; open the latest version to edit and save.</source>
        <translation>Version %1 ist nur zur Ansicht geöffnet; öffnen Sie die neueste Version, um zu bearbeiten und zu speichern.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The prompt was not saved because it does not parse: %1</source>
        <translation>Der Prompt wurde nicht gespeichert, weil er nicht geparst werden kann: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The prompt was not saved: its “key:” says “%1” but this is the prompt “%2”. Change the key back to “%2”.</source>
        <translation>Der Prompt wurde nicht gespeichert: Sein „key:“ lautet „%1“, dies ist aber der Prompt „%2“. Setzen Sie den Schlüssel wieder auf „%2“.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Edit text</source>
        <translation>Text bearbeiten</translation>
    </message>
</context>
<context>
    <name>Switchyard::PromptHistoryPanel</name>
    <message>
        <location filename="../ui/prompts/PromptHistoryPanel.cpp" line="+89"/>
        <source>Compare with &amp;Previous</source>
        <translation>Mit &amp;vorheriger vergleichen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the selected version beside the one before it</source>
        <translation>Die ausgewählte Version neben der vorherigen anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare &amp;Selected Versions</source>
        <translation>&amp;Ausgewählte Versionen vergleichen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the two selected versions side by side (Ctrl+click to select the second)</source>
        <translation>Die beiden ausgewählten Versionen nebeneinander anzeigen (die zweite mit Strg+Klick auswählen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move &amp;Label Here…</source>
        <translation>&amp;Label hierher verschieben …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Point production, staging or a custom label at the selected version</source>
        <translation>Das Label production oder staging oder ein eigenes Label auf die ausgewählte Version setzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Restore as New Version</source>
        <translation>Als neue Version &amp;wiederherstellen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the selected version&apos;s text again as the newest version</source>
        <translation>Den Text der ausgewählten Version erneut als neueste Version speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open Version</source>
        <translation>Version ö&amp;ffnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the selected version&apos;s text, read-only</source>
        <translation>Den Text der ausgewählten Version schreibgeschützt anzeigen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redo</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Filter by note, author or label</source>
        <translation>Nach Notiz, Autor oder Label filtern</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Double-click a label to select its version</source>
        <translation>Doppelklicken Sie auf ein Label, um seine Version auszuwählen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label history</source>
        <translation>Label-Verlauf</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The history of “%1” can&apos;t be read: %2</source>
        <translation>Der Verlauf von „%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+160"/>
        <source>“%1” is not a valid label name: use letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;.</source>
        <translation>„%1“ ist kein gültiger Label-Name: Verwenden Sie Buchstaben, Ziffern, &apos;_&apos;, &apos;.&apos; und &apos;-&apos;.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The label “%1” could not be moved: %2</source>
        <translation>Das Label „%1“ konnte nicht verschoben werden: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The label “%1” already points at version %2.</source>
        <translation>Das Label „%1“ zeigt bereits auf Version %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Created the label “%1” at version %2.</source>
        <translation>Das Label „%1“ wurde bei Version %2 angelegt.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The label could not be moved back: %1</source>
        <translation>Das Label konnte nicht zurückverschoben werden: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+5"/>
        <source>Version %1 can&apos;t be restored: %2</source>
        <translation>Version %1 kann nicht wiederhergestellt werden: %2</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Restored from version %1</source>
        <translation>Wiederhergestellt aus Version %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Version %1 has the same text as the latest version %2; nothing was added.</source>
        <translation>Version %1 hat denselben Text wie die neueste Version %2; es wurde nichts hinzugefügt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Restored version %1 as version %2.</source>
        <translation>Version %1 wurde als Version %2 wiederhergestellt.</translation>
    </message>
</context>
<context>
    <name>Switchyard::PromptLabelsModel</name>
    <message>
        <location filename="../ui/prompts/PromptLabelsModel.cpp" line="+49"/>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Moved here on %1</source>
        <translation>Hierher verschoben am %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
</context>
<context>
    <name>Switchyard::PromptOutlinePanel</name>
    <message>
        <location filename="../ui/prompts/PromptOutlinePanel.cpp" line="+28"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;Add Section…</source>
        <translation>Abschnitt &amp;hinzufügen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a section after the selected one</source>
        <translation>Einen Abschnitt nach dem ausgewählten hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove Section</source>
        <translation>Abschnitt &amp;entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected section and its text</source>
        <translation>Den ausgewählten Abschnitt und seinen Text entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;name Section…</source>
        <translation>Abschnitt &amp;umbenennen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the selected section&apos;s title</source>
        <translation>Den Titel des ausgewählten Abschnitts ändern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;Up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the selected section up</source>
        <translation>Den ausgewählten Abschnitt nach oben verschieben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;Down</source>
        <translation>Nach u&amp;nten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the selected section down</source>
        <translation>Den ausgewählten Abschnitt nach unten verschieben</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Sections</source>
        <translation>Abschnitte</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Add Section</source>
        <translation>Abschnitt hinzufügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title of the new section:</source>
        <translation>Titel des neuen Abschnitts:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New Section</source>
        <translation>Neuer Abschnitt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write this section&apos;s instructions here.</source>
        <translation>Schreiben Sie die Anweisungen dieses Abschnitts hier.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add section “%1”</source>
        <translation>Abschnitt „%1“ hinzufügen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Remove section “%1”</source>
        <translation>Abschnitt „%1“ entfernen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Rename Section</source>
        <translation>Abschnitt umbenennen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New title of “%1”:</source>
        <translation>Neuer Titel von „%1“:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rename section “%1” to “%2”</source>
        <translation>Abschnitt „%1“ in „%2“ umbenennen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Move section “%1” up</source>
        <translation>Abschnitt „%1“ nach oben verschieben</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move section “%1” down</source>
        <translation>Abschnitt „%1“ nach unten verschieben</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No prompt is open.</source>
        <translation>Es ist kein Prompt geöffnet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This prompt has no sections. Add one to turn it into a structured prompt (a prompt has either a system text or sections).</source>
        <translation>Dieser Prompt hat keine Abschnitte. Fügen Sie einen hinzu, um daraus einen strukturierten Prompt zu machen (ein Prompt hat entweder einen Systemtext oder Abschnitte).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No sections yet: add one.</source>
        <translation>Noch keine Abschnitte: Fügen Sie einen hinzu.</translation>
    </message>
</context>
<context>
    <name>Switchyard::PromptPreviewPanel</name>
    <message>
        <location filename="../ui/prompts/PromptPreviewPanel.cpp" line="+79"/>
        <source>This prompt uses no variables.</source>
        <translation>Dieser Prompt verwendet keine Variablen.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The model whose price the cost estimate uses: the configs that use this prompt first, then every model of the workspace&apos;s providers</source>
        <translation>Das Modell, dessen Preis die Kostenschätzung verwendet: zuerst die Konfigurationen, die diesen Prompt verwenden, dann jedes Modell der Anbieter des Arbeitsbereichs</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Rendered system instruction</source>
        <translation>Gerenderte Systemanweisung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rendered user message</source>
        <translation>Gerenderte Benutzernachricht</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cost on:</source>
        <translation>Kosten für:</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>No model (tokens only)</source>
        <translation>Kein Modell (nur Tokens)</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>The prompt does not parse: %1</source>
        <translation>Der Prompt kann nicht geparst werden: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Missing variables: %1</source>
        <translation>Fehlende Variablen: %1</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>no value</source>
        <translation>kein Wert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not declared under “variables:”</source>
        <translation>Nicht unter „variables:“ deklariert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter a list or object as JSON, e.g. %1</source>
        <translation>Geben Sie eine Liste oder ein Objekt als JSON ein, z. B. %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Empty: the sample “%1” is used</source>
        <translation>Leer: Das Beispiel „%1“ wird verwendet</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>About %1 input tokens (system and user).</source>
        <translation>Etwa %1 Eingabe-Tokens (System und Benutzer).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No price is stored for %1.</source>
        <translation>Für %1 ist kein Preis gespeichert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>≈ $%1 on %2 with up to %3 output tokens.</source>
        <translation>≈ $%1 für %2 mit bis zu %3 Ausgabe-Tokens.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>≈ $%1 on %2 for the input.</source>
        <translation>≈ $%1 für %2 für die Eingabe.</translation>
    </message>
</context>
<context>
    <name>Switchyard::PromptTextEdit</name>
    <message>
        <location filename="../ui/prompts/PromptTextEdit.cpp" line="+255"/>
        <source>line %1, column %2</source>
        <translation>Zeile %1, Spalte %2</translation>
    </message>
</context>
<context>
    <name>Switchyard::PromptVersionsModel</name>
    <message>
        <location filename="../ui/prompts/PromptVersionsModel.cpp" line="+96"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
</context>
<context>
    <name>Switchyard::PromptsPage</name>
    <message>
        <location filename="../ui/prompts/PromptsPage.cpp" line="+50"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The prompt “%1” has unsaved changes. Save them as a new version before moving on?</source>
        <translation>Der Prompt „%1“ hat ungespeicherte Änderungen. Möchten Sie sie als neue Version speichern, bevor Sie fortfahren?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete Prompt</source>
        <translation>Prompt löschen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This workspace has no prompts yet.
Create one with New Prompt, or import prompt files.</source>
        <translation>Dieser Arbeitsbereich enthält noch keine Prompts.
Legen Sie mit „Neuer Prompt“ einen an oder importieren Sie Prompt-Dateien.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter prompts by key, label or author</source>
        <translation>Prompts nach Schlüssel, Label oder Autor filtern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;New Prompt…</source>
        <translation>&amp;Neuer Prompt …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create a prompt</source>
        <translation>Einen Prompt anlegen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save Version…</source>
        <translation>Version &amp;speichern …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the text as the prompt&apos;s next version, with a note</source>
        <translation>Den Text als nächste Version des Prompts mit einer Notiz speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Revert</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Throw away the unsaved changes of this prompt</source>
        <translation>Die ungespeicherten Änderungen an diesem Prompt verwerfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redo</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete Prompt…</source>
        <translation>Prompt &amp;löschen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the open prompt with all its versions and labels</source>
        <translation>Den geöffneten Prompt mit allen Versionen und Labels löschen</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outline</source>
        <translation>Gliederung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Prompt YAML</source>
        <translation>Prompt-YAML</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Could not open the prompt “%1”: %2</source>
        <translation>Der Prompt „%1“ konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not open version %1 of “%2”: %3</source>
        <translation>Version %1 von „%2“ konnte nicht geöffnet werden: %3</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>New Prompt</source>
        <translation>Neuer Prompt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key of the new prompt (lower-case letters, digits, &apos;_&apos;, &apos;.&apos;, &apos;-&apos;):</source>
        <translation>Schlüssel des neuen Prompts (Kleinbuchstaben, Ziffern, &apos;_&apos;, &apos;.&apos;, &apos;-&apos;):</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>First version</source>
        <translation>Erste Version</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edited version %1</source>
        <translation>Version %1 bearbeitet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save Version</source>
        <translation>Version speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What changed in this version of “%1”?</source>
        <translation>Was hat sich in dieser Version von „%1“ geändert?</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Nothing to save: “%1” is unchanged since version %2.</source>
        <translation>Nichts zu speichern: „%1“ ist seit Version %2 unverändert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved “%1” as version %2.</source>
        <translation>„%1“ wurde als Version %2 gespeichert.</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+7"/>
        <source>Could not check which configs use “%1”: %2</source>
        <translation>Es konnte nicht geprüft werden, welche Konfigurationen „%1“ verwenden: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The prompt “%1” is used by the config “%2” of the bot “%3”; point that config at another prompt first.</source>
        <translation>Der Prompt „%1“ wird von der Konfiguration „%2“ des Bots „%3“ verwendet; lassen Sie diese Konfiguration zuerst auf einen anderen Prompt verweisen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Delete the prompt “%1” with all its versions, labels and label history? This cannot be undone.</source>
        <translation>Den Prompt „%1“ mit allen Versionen, Labels und dem Label-Verlauf löschen? Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not delete the prompt “%1”: %2</source>
        <translation>Der Prompt „%1“ konnte nicht gelöscht werden: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deleted the prompt “%1”.</source>
        <translation>Der Prompt „%1“ wurde gelöscht.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 (new)</source>
        <translation>%1 (neu)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 v%2 (read-only)</source>
        <translation>%1 v%2 (schreibgeschützt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 v%2</source>
        <translation>%1 v%2</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Select a prompt on the left, or create one with New Prompt.</source>
        <translation>Wählen Sie links einen Prompt aus oder legen Sie mit „Neuer Prompt“ einen neuen an.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>new, not saved yet</source>
        <translation>neu, noch nicht gespeichert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>version %1, read-only</source>
        <translation>Version %1, schreibgeschützt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>based on version %1</source>
        <translation>basiert auf Version %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unsaved changes</source>
        <translation>ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 · %2 (%3/%4)</source>
        <translation>%1 · %2 (%3/%4)</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>Used in other prompts</source>
        <translation>In anderen Prompts verwendet</translation>
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
        <location filename="../ui/providers/ProviderDetailPanel.cpp" line="+210"/>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <location line="-129"/>
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
        <location line="+234"/>
        <source>No provider selected</source>
        <translation>Kein Anbieter ausgewählt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="-191"/>
        <source>none needed, or env:NAME / keychain:NAME</source>
        <translation>nicht erforderlich, oder env:NAME / keychain:NAME</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the key is found: an environment variable (env:NAME) or the system keychain (keychain:NAME). The key itself is never stored in the workspace.</source>
        <translation>Wo der Schlüssel zu finden ist: eine Umgebungsvariable (env:NAME) oder der Schlüsselbund des Systems (keychain:NAME). Der Schlüssel selbst wird nie im Arbeitsbereich gespeichert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is not a key reference. Put the key into the keychain with Set API Key… or into an environment variable, and write keychain:NAME or env:NAME here.</source>
        <translation>Dies ist kein Schlüsselverweis. Legen Sie den Schlüssel mit „API-Schlüssel festlegen …“ im Schlüsselbund oder in einer Umgebungsvariable ab und geben Sie hier keychain:NAME oder env:NAME ein.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the kind&apos;s default</source>
        <translation>Standard der Art</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An http:// or https:// address without a query, e.g. http://localhost:8000</source>
        <translation>Eine http://- oder https://-Adresse ohne Abfrageteil, z. B. http://localhost:8000</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Azure OpenAI only, e.g. 2024-10-21</source>
        <translation>Nur Azure OpenAI, z. B. 2024-10-21</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>comma-separated, e.g. us-east-1, ap-south-1</source>
        <translation>durch Kommas getrennt, z. B. us-east-1, ap-south-1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> requests/min</source>
        <translation> Anfragen/min</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>unlimited</source>
        <translation>unbegrenzt</translation>
    </message>
    <message>
        <location line="-1"/>
        <source> tokens/min</source>
        <translation> Tokens/min</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&amp;Display name:</source>
        <translation>Anzeige&amp;name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Base URL:</source>
        <translation>&amp;Basis-URL:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API &amp;version:</source>
        <translation>API-&amp;Version:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default re&amp;gion:</source>
        <translation>Standard&amp;region:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;gions:</source>
        <translation>Re&amp;gionen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API &amp;key:</source>
        <translation>API-&amp;Schlüssel:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Rate limits:</source>
        <translation>Rat&amp;enlimits:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First token</source>
        <translation>Erstes Token</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Idle</source>
        <translation>Leerlauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timeouts:</source>
        <translation>Timeouts:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>New model id, e.g. llama-3.1-70b</source>
        <translation>Neue Modell-ID, z. B. llama-3.1-70b</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Add Model</source>
        <translation>Modell &amp;hinzufügen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;move Model</source>
        <translation>Modell ent&amp;fernen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use &amp;LiteLLM Price</source>
        <translation>&amp;LiteLLM-Preis verwenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the imported LiteLLM price into the selected model&apos;s price</source>
        <translation>Den importierten LiteLLM-Preis in den Preis des ausgewählten Modells übernehmen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Models:</source>
        <translation>Modelle:</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>Use the LiteLLM price for “%1”</source>
        <translation>LiteLLM-Preis für „%1“ verwenden</translation>
    </message>
    <message>
        <location line="+70"/>
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
    <name>Switchyard::ProvidersCommands</name>
    <message>
        <location filename="../ui/providers/ProvidersCommands.cpp" line="+38"/>
        <source>Remove provider “%1”</source>
        <translation>Anbieter „%1“ entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add provider “%1”</source>
        <translation>Anbieter „%1“ hinzufügen</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Remove model “%1” from “%2”</source>
        <translation>Modell „%1“ aus „%2“ entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add model “%1” to “%2”</source>
        <translation>Modell „%1“ zu „%2“ hinzufügen</translation>
    </message>
</context>
<context>
    <name>Switchyard::ProvidersDocument</name>
    <message>
        <location filename="../ui/providers/ProvidersDocument.cpp" line="+111"/>
        <source>display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>API key reference</source>
        <translation>API-Schlüsselverweis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>API version</source>
        <translation>API-Version</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>default region</source>
        <translation>Standardregion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>regions</source>
        <translation>Regionen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>requests per minute</source>
        <translation>Anfragen pro Minute</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tokens per minute</source>
        <translation>Tokens pro Minute</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connect timeout</source>
        <translation>Verbindungs-Timeout</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>first-token timeout</source>
        <translation>Timeout für das erste Token</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>idle timeout</source>
        <translation>Leerlauf-Timeout</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>total timeout</source>
        <translation>Gesamt-Timeout</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Change %1 of “%2”</source>
        <translation>%1 von „%2“ ändern</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The workspace already has a provider “%1”; choose another id.</source>
        <translation>Der Arbeitsbereich hat bereits einen Anbieter „%1“; wählen Sie eine andere ID.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>fallback chain “%1”</source>
        <translation>Fallback-Kette „%1“</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>fallback rule %1</source>
        <translation>Fallback-Regel %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the universal fallback</source>
        <translation>der universelle Fallback</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+25"/>
        <source>No provider is selected.</source>
        <translation>Es ist kein Anbieter ausgewählt.</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Provider “%1” can&apos;t be removed: %2 still use it. Change those in providers.yaml and import it first.</source>
        <translation>Der Anbieter „%1“ kann nicht entfernt werden: %2 verwenden ihn noch. Ändern Sie diese in der providers.yaml und importieren Sie sie zuerst.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Provider “%1” already has a model “%2”; choose another id.</source>
        <translation>Der Anbieter „%1“ hat bereits ein Modell „%2“; wählen Sie eine andere ID.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No model is selected.</source>
        <translation>Es ist kein Modell ausgewählt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Model “%1” of “%2” can&apos;t be removed: %3 still use it. Change those in providers.yaml and import it first.</source>
        <translation>Das Modell „%1“ von „%2“ kann nicht entfernt werden: %3 verwenden es noch. Ändern Sie diese in der providers.yaml und importieren Sie sie zuerst.</translation>
    </message>
</context>
<context>
    <name>Switchyard::ProvidersPage</name>
    <message>
        <location filename="../ui/providers/ProvidersPage.cpp" line="+39"/>
        <source>The providers have unsaved changes. Save them before moving on?</source>
        <translation>Die Anbieter haben ungespeicherte Änderungen. Möchten Sie sie speichern, bevor Sie fortfahren?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This workspace has no providers yet.
Add a custom provider or import a providers.yaml file.</source>
        <translation>Dieser Arbeitsbereich enthält noch keine Anbieter.
Fügen Sie einen eigenen Anbieter hinzu oder importieren Sie eine providers.yaml-Datei.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter providers by id, kind, endpoint or model</source>
        <translation>Anbieter nach ID, Art, Endpunkt oder Modell filtern</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Redo</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save Providers</source>
        <translation>Anbieter &amp;speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check and store every provider and model of the workspace</source>
        <translation>Alle Anbieter und Modelle des Arbeitsbereichs prüfen und speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Revert</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Throw away the unsaved changes to the providers</source>
        <translation>Die ungespeicherten Änderungen an den Anbietern verwerfen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add Custom &amp;Provider…</source>
        <translation>Eigenen &amp;Anbieter hinzufügen …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add an OpenAI-compatible endpoint such as vLLM, LM Studio or llama.cpp</source>
        <translation>Einen OpenAI-kompatiblen Endpunkt wie vLLM, LM Studio oder llama.cpp hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove Provider</source>
        <translation>Anbieter entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the selected provider and its models (when saved)</source>
        <translation>Den ausgewählten Anbieter und seine Modelle entfernen (beim Speichern)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import Prices from &amp;LiteLLM…</source>
        <translation>Preise aus &amp;LiteLLM importieren …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read LiteLLM&apos;s model_prices_and_context_window.json and store its prices for the workspace&apos;s models</source>
        <translation>Die model_prices_and_context_window.json von LiteLLM lesen und ihre Preise für die Modelle des Arbeitsbereichs speichern</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Importing LiteLLM prices…</source>
        <translation>LiteLLM-Preise werden importiert …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>The providers were not saved; your changes are kept. %1</source>
        <translation>Die Anbieter wurden nicht gespeichert; Ihre Änderungen bleiben erhalten. %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not read the stored providers: %1</source>
        <translation>Die gespeicherten Anbieter konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Import Prices from LiteLLM</source>
        <translation>Preise aus LiteLLM importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LiteLLM price files (*.json);;All files (*)</source>
        <translation>LiteLLM-Preisdateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>LiteLLM Import Failed</source>
        <translation>LiteLLM-Import fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No prices were imported from %1.</source>
        <translation>Aus %1 wurden keine Preise importiert.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Read %1 entries from %2.</source>
        <translation>%1 Einträge aus %2 gelesen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported prices for %1 models of this workspace (%2 new or changed).</source>
        <translation>Preise für %1 Modelle dieses Arbeitsbereichs importiert (%2 neu oder geändert).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown models (no provider of this workspace lists them): %1. Skipped entries: %2.</source>
        <translation>Unbekannte Modelle (kein Anbieter dieses Arbeitsbereichs führt sie): %1. Übersprungene Einträge: %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel came after the prices were stored; they stay imported.</source>
        <translation>Der Abbruch kam erst, nachdem die Preise gespeichert waren; sie bleiben importiert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imported:</source>
        <translation>Importiert:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  %1/%2 from “%3”: $%4 / $%5 per 1K input / output tokens</source>
        <translation>  %1/%2 aus „%3“: $%4 / $%5 pro 1.000 Eingabe-/Ausgabe-Tokens</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown models:</source>
        <translation>Unbekannte Modelle:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Skipped:</source>
        <translation>Übersprungen:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  %1: %2</source>
        <translation>  %1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LiteLLM Prices Imported</source>
        <translation>LiteLLM-Preise importiert</translation>
    </message>
</context>
<context>
    <name>Switchyard::ProvidersTableModel</name>
    <message>
        <location filename="../ui/ProvidersTableModel.cpp" line="+78"/>
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
    <name>Switchyard::SessionsPanel</name>
    <message>
        <location filename="../ui/chat/SessionsPanel.cpp" line="+24"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>Exportieren …</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Filter sessions by title, bot or user</source>
        <translation>Sitzungen nach Titel, Bot oder Benutzer filtern</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Write the selected session as Markdown or JSON</source>
        <translation>Die ausgewählte Sitzung als Markdown oder JSON speichern</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Select a session to export.</source>
        <translation>Wählen Sie eine Sitzung zum Exportieren aus.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export Session</source>
        <translation>Sitzung exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markdown (*.md);;JSON (*.json)</source>
        <translation>Markdown (*.md);;JSON (*.json)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The session was not exported: %1</source>
        <translation>Die Sitzung wurde nicht exportiert: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not write %1: %2. Nothing was written; check that the folder is writable and the disk is not full.</source>
        <translation>%1 konnte nicht geschrieben werden: %2. Es wurde nichts geschrieben; prüfen Sie, ob der Ordner beschreibbar und der Datenträger nicht voll ist.</translation>
    </message>
</context>
<context>
    <name>Switchyard::SessionsTableModel</name>
    <message>
        <location filename="../ui/chat/SessionsTableModel.cpp" line="+44"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 / message</source>
        <translation>%1 / Nachricht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not billed</source>
        <translation>nicht abgerechnet</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>comparison of %n config(s)</source>
        <translation>
            <numerusform>Vergleich von %n Konfiguration</numerusform>
            <numerusform>Vergleich von %n Konfigurationen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>single</source>
        <translation>einzeln</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bot</source>
        <translation>Bot</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
</context>
<context>
    <name>Switchyard::Settings</name>
    <message>
        <location filename="../core/settings/Settings.cpp" line="+250"/>
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
    <name>Switchyard::TranscriptModel</name>
    <message>
        <location filename="../ui/chat/TranscriptModel.cpp" line="+31"/>
        <source> · rated good</source>
        <translation> · als gut bewertet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> · rated bad</source>
        <translation> · als schlecht bewertet</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Rated good.</source>
        <translation>Als gut bewertet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rated bad.</source>
        <translation>Als schlecht bewertet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not rated.</source>
        <translation>Nicht bewertet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rate it good with %1, bad with %2, or with a comment with %3.</source>
        <translation>Bewerten Sie sie mit %1 als gut, mit %2 als schlecht oder mit %3 mit einem Kommentar.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>*(stopped)*</source>
        <translation>*(gestoppt)*</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>**The call failed:** %1</source>
        <translation>**Der Aufruf ist fehlgeschlagen:** %1</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>%1 via %2</source>
        <translation>%1 über %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 via %2 (%3)</source>
        <translation>%1 über %2 (%3)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 in / %2 out tokens</source>
        <translation>%1 Eingabe- / %2 Ausgabe-Tokens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>$%1</source>
        <translation>$%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 ms (first token %2 ms)</source>
        <translation>%1 ms (erstes Token %2 ms)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 attempts</source>
        <translation>%1 Versuche</translation>
    </message>
</context>
<context>
    <name>Switchyard::UnsavedChanges</name>
    <message>
        <location filename="../ui/UnsavedChanges.cpp" line="+9"/>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
</context>
<context>
    <name>Switchyard::VariablesPanel</name>
    <message>
        <location filename="../ui/chat/VariablesPanel.cpp" line="+33"/>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System variable</source>
        <translation>Systemvariable</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Current value</source>
        <translation>Aktueller Wert</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>System variables (filled in at each send)</source>
        <translation>Systemvariablen (bei jedem Senden ausgefüllt)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This config has no prompt: the message is sent without a system instruction.</source>
        <translation>Diese Konfiguration hat keinen Prompt: Die Nachricht wird ohne Systemanweisung gesendet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prompt %1 version %2</source>
        <translation>Prompt %1, Version %2</translation>
    </message>
</context>
<context>
    <name>WorkspaceTransfer</name>
    <message>
        <location filename="../core/workspace/WorkspaceTransfer.cpp" line="+29"/>
        <source>No file name was given for the new workspace.</source>
        <translation>Für den neuen Arbeitsbereich wurde kein Dateiname angegeben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 already exists. Choose a new file name, or open the file with File ▸ Open Workspace…</source>
        <translation>%1 existiert bereits. Wählen Sie einen neuen Dateinamen oder öffnen Sie die Datei über Datei ▸ Arbeitsbereich öffnen …</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Cannot read the file: %1</source>
        <translation>Die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Cannot write the file: %1</source>
        <translation>Die Datei kann nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/studio/main.cpp" line="+54"/>
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
        <location line="+18"/>
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
