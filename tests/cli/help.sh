# help.sh — help and version: exit 0, on stdout, without a database; the
# petition help lists every command form of the specification; unknown
# commands and options exit 2 with one line on stderr.
. "$(dirname "$0")/lib.sh"

rv --help
assert_ok "roviec --help"
assert_match "--help: names the program and version" '^roviec [0-9]+\.[0-9]+\.[0-9]+: ' "$(head -1 "$OUT_FILE")"
assert_contains "--help: the global options" "Usage: roviec [--db FILE] [--as USER] [--lang vi|en] [--no-color] [COMMAND ...]" "$OUT"
for c in init demo petition zone agency enterprise category user holiday tui; do
	assert_match "--help lists $c" "(^|"$'\n'")  $c +[a-z]" "$OUT"
done
assert_contains "--help: the exit statuses" "Exit status: 0 ok, 1 internal error, 2 bad usage or input, 3 not found, 4 conflict, 5 not permitted, 6 verification failed." "$OUT"
HELP=$OUT
rv help
assert_ok "roviec help"
assert_eq "roviec help = roviec --help" "$HELP" "$OUT"

rv --version
assert_ok "roviec --version"
assert_match "--version: one line" '^roviec [0-9]+\.[0-9]+\.[0-9]+$' "$OUT"

rv petition --help
assert_ok "roviec petition --help"
PHELP=$OUT
# Every form of the specification, as the help prints it.
while IFS= read -r form; do
	assert_contains "petition help: $form" "$form" "$PHELP"
done <<'EOF'
roviec petition add --enterprise TAXCODE --title TEXT [--body TEXT|-] [--category CODE]
[--channel conference|written|phone|online|direct] [--received DATE]
prints the tracking code
roviec petition classify CODE --category CODE
roviec petition assign CODE --lead AGENCY [--coordinate AGENCY]... --person TEXT [--within N | --due DATE]
roviec petition start CODE
roviec petition answer CODE --result TEXT --outcome resolved|partly_resolved|explained|declined
roviec petition close CODE [--rating 1-5] [--feedback TEXT]
roviec petition reject CODE --reason TEXT [--refer-to TEXT]
roviec petition withdraw CODE
roviec petition reopen CODE --reason TEXT
roviec petition extend CODE --due DATE --reason TEXT
roviec petition show CODE [--json]
roviec petition list [--status S] [--overdue] [--due-within N] [--agency CODE] [--category CODE]
[--enterprise TAXCODE] [--zone NAME] [--search TEXT] [--sort [-]FIELD]
[--limit N] [--json | --csv]
--expect-version N
EOF
rv help petition
assert_ok "roviec help petition"
assert_eq "roviec help petition = roviec petition --help" "$PHELP" "$OUT"
rv --help petition
assert_ok "roviec --help petition"
assert_eq "roviec --help petition = roviec petition --help" "$PHELP" "$OUT"
rv petition assign --help
assert_ok "roviec petition assign --help"
assert_eq "--help after a subcommand shows the command's help" "$PHELP" "$OUT"

while IFS='|' read -r cmd form; do
	rv "$cmd" --help
	assert_ok "roviec $cmd --help"
	assert_contains "$cmd --help: $form" "$form" "$OUT"
done <<'EOF'
init|roviec init
demo|roviec demo [--petitions N]
zone|roviec zone add NAME
zone|roviec zone list
agency|roviec agency add NAME [--code CODE] [--kind
agency|roviec agency list
enterprise|roviec enterprise add NAME --tax-code CODE [--zone NAME] [--contact TEXT]
enterprise|roviec enterprise list
category|roviec category add CODE --vi TEXT --en TEXT [--within N]
category|roviec category list
user|roviec user add LOGIN --role
user|[--agency CODE] [--enterprise TAXCODE]
user|roviec user list
holiday|roviec holiday add DATE --name TEXT [--work]
holiday|roviec holiday list [--year Y]
EOF
assert_eq "help and version never create a database" "no" "$([ -e "$ROVIEC_DB" ] && echo yes || echo no)"

# ---- unknown commands and options ----
rv frobnicate
assert_status 2 "unknown command: exit 2"
assert_err 'roviec: unknown command "frobnicate" (see: roviec --help)'
assert_eq "unknown command: nothing on stdout" "" "$OUT"
rv help frobnicate
assert_status 2 "help for an unknown command: exit 2"
assert_err 'roviec: unknown command "frobnicate" (see: roviec --help)'
assert_eq "help for an unknown command: nothing on stdout" "" "$OUT"
rv --frobnicate
assert_status 2 "unknown global option: exit 2"
assert_err "roviec: unknown option --frobnicate (see: roviec --help)"
rv --db
assert_status 2 "--db without a value: exit 2"
assert_err "roviec: option --db needs a value"
rv --lang fr --help
assert_status 2 "--lang fr: exit 2"
assert_err 'roviec: --lang: "fr" is not a language (vi or en)'
assert_eq "refusals never create a database" "no" "$([ -e "$ROVIEC_DB" ] && echo yes || echo no)"

# With no command the interface opens, which needs a terminal.
rv init
assert_ok "init"
run "$ROVIEC" </dev/null
assert_status 2 "no command without a terminal: exit 2"
assert_err "roviec: the interface needs a terminal; see roviec --help for commands"

finish
