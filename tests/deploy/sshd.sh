# sshd.sh — the shared-server recipe of docs/deploy.md, against a real
# OpenSSH server.  Run by meson (suite deploy) as
#     bash tests/deploy/sshd.sh ROVIEC ROVIEC_LOOKUP DB_DIR
# where ROVIEC_LOOKUP is roviec-lookup built for DB_DIR/roviec.db.
#
# As root it creates a throwaway group and two throwaway users (names end
# in this process id), copies the binaries to a private folder, installs
# the lookup entry point setgid to the group, makes DB_DIR 2770 and the
# database 0660 for the group, and starts sshd -D on 127.0.0.1 on a free
# port with its own host key, authorized-keys folder and sshd_config.
# Then: the staff login lists petitions; the enterprise login, whose key
# carries command="…roviec-lookup",restrict,pty, gets the lookup prompt
# and its petition with the right PIN (not echoed on a terminal), and
# cannot get a shell, run another command, use a subsystem or read the
# database file.  Everything is removed on exit.  Exit 77 (skip) only when
# sshd cannot be started at all (not root, no sshd, sshd refuses to run).
. "$(dirname "$0")/../cli/lib.sh" # TAP helpers and $T
LOOKUP_BIN=$2
DBDIR=$3

skip() {
	echo "1..0 # SKIP $1"
	exit 77
}
[ "$(id -u)" -eq 0 ] || skip "needs root: it creates users and a group"
SSHD=$(command -v sshd || echo /usr/sbin/sshd)
[ -x "$SSHD" ] || skip "no sshd (scripts/deps --test installs openssh-server)"
for tool in ssh ssh-keygen useradd userdel groupadd groupdel runuser; do
	command -v "$tool" >/dev/null || skip "no $tool"
done

G=rvg$$
STAFF=rvs$$
ENT=rve$$
DB=$DBDIR/roviec.db
SSHD_PID=""
MADE_RUN_SSHD=""
cleanup_all() {
	if [ -n "$SSHD_PID" ]; then
		kill "$SSHD_PID" 2>/dev/null || true
		wait "$SSHD_PID" 2>/dev/null || true
	fi
	userdel "$STAFF" 2>/dev/null || true
	userdel "$ENT" 2>/dev/null || true
	groupdel "$G" 2>/dev/null || true
	rm -rf "$DBDIR" "$T"
	if [ -n "$MADE_RUN_SSHD" ]; then rmdir /run/sshd 2>/dev/null || true; fi
}
trap cleanup_all EXIT

# ---- the server's side of the recipe ----
chmod 755 "$T" # the users must reach bin/ and keys/ below it
mkdir -p "$T/bin" "$T/keys" "$T/home/$STAFF" "$T/home/$ENT"
cp "$ROVIEC" "$T/bin/roviec"
cp "$LOOKUP_BIN" "$T/bin/roviec-lookup"
groupadd "$G"
# '*': no password to log in with, yet not a locked account (sshd refuses
# keys for locked accounts when it does not use PAM).
useradd -M -d "$T/home/$STAFF" -s /bin/sh -G "$G" -p '*' "$STAFF"
useradd -M -d "$T/home/$ENT" -s /bin/sh -p '*' "$ENT"
chown "$STAFF:" "$T/home/$STAFF"
chown "$ENT:" "$T/home/$ENT"
chgrp "$G" "$T/bin/roviec-lookup"
chmod 2755 "$T/bin/roviec-lookup"

rm -rf "$DBDIR"
mkdir -p "$DBDIR"
chgrp "$G" "$DBDIR"
chmod 2770 "$DBDIR"
R() { "$T/bin/roviec" --db "$DB" "$@"; }
R init >/dev/null
R zone add "KCN Thăng Long"
R agency add "Sở Xây dựng" --code SXD --kind department
R enterprise add "Công ty TNHH Hòa Bình" --tax-code 0100000001 --zone "KCN Thăng Long"
R user add "$STAFF" --role staff >/dev/null
RECEIPT=$(R petition add --enterprise 0100000001 --title "Đề nghị cấp điện cho nhà xưởng" --category dien)
CODE=${RECEIPT%% *}
PIN=${RECEIPT##* }
R petition assign "$CODE" --lead SXD --person "Nguyễn Văn An" --within 3 >/dev/null
chgrp "$G" "$DBDIR"/*
chmod 0660 "$DBDIR"/*
assert_eq "database folder: group $G, 2770" "drwxrws--- $G" "$(stat -c '%A %G' "$DBDIR")"
assert_eq "database file: group $G, 0660" "-rw-rw---- $G" "$(stat -c '%A %G' "$DB")"

# ---- keys and the server ----
ssh-keygen -q -t ed25519 -N '' -C host -f "$T/host_key"
ssh-keygen -q -t ed25519 -N '' -C staff -f "$T/staff_key"
ssh-keygen -q -t ed25519 -N '' -C enterprise -f "$T/ent_key"
cp "$T/staff_key.pub" "$T/keys/$STAFF"
echo "command=\"$T/bin/roviec-lookup\",restrict,pty $(cat "$T/ent_key.pub")" >"$T/keys/$ENT"
chmod 644 "$T/keys/"*
PORT=$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat >"$T/sshd_config" <<CONF
Port $PORT
ListenAddress 127.0.0.1
HostKey $T/host_key
PidFile $T/sshd.pid
AuthorizedKeysFile $T/keys/%u
# The keys live under /tmp (mode 1777), which StrictModes would refuse.
StrictModes no
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
PermitRootLogin no
AllowUsers $STAFF $ENT
X11Forwarding no
PrintMotd no
PrintLastLog no
# As on a stock Debian server: the forced command must win over it.
Subsystem sftp internal-sftp
CONF
if [ ! -d /run/sshd ]; then
	mkdir -p /run/sshd && chmod 755 /run/sshd && MADE_RUN_SSHD=1
fi
"$SSHD" -t -f "$T/sshd_config" >"$T/sshd.log" 2>&1 || skip "sshd refuses to start: $(head -c 300 "$T/sshd.log" | tr '\n' ' ')"
"$SSHD" -D -e -f "$T/sshd_config" >>"$T/sshd.log" 2>&1 &
SSHD_PID=$!
up=no
for _ in $(seq 1 100); do
	if ! kill -0 "$SSHD_PID" 2>/dev/null; then break; fi
	if "$PYTHON" -c 'import socket, sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1)' "$PORT" 2>/dev/null; then
		up=yes
		break
	fi
	sleep 0.1
done
if [ "$up" != yes ]; then
	SSHD_PID=""
	skip "sshd did not start: $(tail -c 300 "$T/sshd.log" | tr '\n' ' ')"
fi

# sshx INPUT USER KEY [REMOTE COMMAND…]: one ssh session (extra ssh
# options in the array SSHX_OPTS); sets STATUS, OUT, ERR.
SSHX_OPTS=()
sshx() {
	local input=$1 user=$2 key=$3
	shift 3
	STATUS=0
	ssh -F /dev/null -p "$PORT" -i "$key" -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=no \
		-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o ConnectTimeout=20 "${SSHX_OPTS[@]}" "$user@127.0.0.1" \
		"$@" <"$input" >"$OUT_FILE" 2>"$ERR_FILE" || STATUS=$?
	OUT=$(<"$OUT_FILE")
	ERR=$(<"$ERR_FILE")
}
assert_lacks() {
	if [[ $3 == *"$2"* ]]; then fail "$1" "$(printf 'must not contain: %s\nactual: %s' "$2" "$3")"; else pass "$1"; fi
}

# ---- staff ----
sshx /dev/null "$STAFF" "$T/staff_key" "$T/bin/roviec" --db "$DB" petition list
assert_status 0 "staff: roviec petition list over ssh"
assert_contains "staff: sees the petition" "$CODE" "$OUT"

# ---- the enterprise: lookup and nothing else ----
printf '%s\n%s\n' "$CODE" "$PIN" >"$T/right"
sshx "$T/right" "$ENT" "$T/ent_key"
assert_status 0 "enterprise: the lookup with the right PIN"
assert_contains "enterprise: gets the lookup prompt" "Tracking code: " "$OUT"
assert_contains "enterprise: sees its petition" "Tracking code:   $CODE" "$OUT"
assert_contains "enterprise: status and lead agency" "Status:          assigned
Lead agency:     Sở Xây dựng (SXD)" "$OUT"

printf '%s\n%s\n' "$CODE" 00000000 >"$T/wrong"
sshx "$T/wrong" "$ENT" "$T/ent_key"
assert_status 3 "enterprise: a wrong PIN (exit 3)"
assert_lacks "enterprise: a wrong PIN shows nothing" "Sở Xây dựng" "$OUT"

printf 'echo SHELL_$$; id\nexec /bin/sh -i\nid\n' >"$T/shell"
sshx "$T/shell" "$ENT" "$T/ent_key"
assert_lacks "enterprise: no shell from an interactive login" "SHELL_$$" "$OUT$ERR"
assert_lacks "enterprise: no command runs in it" "uid=" "$OUT$ERR"
assert_contains "enterprise: the lookup answered instead" "Tracking code: " "$OUT"

sshx /dev/null "$ENT" "$T/ent_key" "id; cat $DB; echo CMD_$$"
assert_lacks "enterprise: a command given to ssh does not run" "CMD_$$" "$OUT$ERR"
assert_lacks "enterprise: no id" "uid=" "$OUT$ERR"
assert_lacks "enterprise: no database bytes" "SQLite format" "$OUT"
assert_contains "enterprise: the forced lookup ran instead" "Tracking code: " "$OUT"

SSHX_OPTS=(-s)
sshx /dev/null "$ENT" "$T/ent_key" sftp
SSHX_OPTS=()
assert_lacks "enterprise: no sftp subsystem" "SQLite format" "$OUT"
assert_contains "enterprise: a subsystem request gets the lookup too" "Tracking code: " "$OUT"

# With a terminal (restrict,pty): the PIN is typed without echo.
STATUS=0
{ printf '%s\n' "$CODE"; sleep 3; printf '%s\n' "$PIN"; sleep 2; } |
	ssh -tt -F /dev/null -p "$PORT" -i "$T/ent_key" -o IdentitiesOnly=yes -o BatchMode=yes \
		-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR "$ENT@127.0.0.1" \
		>"$OUT_FILE" 2>"$ERR_FILE" || STATUS=$?
OUT=$(tr -d '\r' <"$OUT_FILE")
assert_status 0 "enterprise on a terminal: the lookup succeeds"
assert_contains "enterprise on a terminal: sees its petition" "Tracking code:   $CODE" "$OUT"
assert_lacks "enterprise on a terminal: the PIN is not echoed" "$PIN" "$OUT"

# ---- the file itself ----
run runuser -u "$ENT" -- cat "$DB"
assert_status 1 "enterprise account: cannot read the database file"
assert_contains "enterprise account: permission denied" "Permission denied" "$ERR"
run runuser -u "$ENT" -- "$T/bin/roviec" --db "$DB" petition list
assert_eq "enterprise account: roviec itself cannot open the database" "fails, no data" \
	"$([ "$STATUS" -ne 0 ] && [[ $OUT != *"$CODE"* ]] && echo "fails, no data" || echo "status $STATUS: $OUT")"
run runuser -u "$STAFF" -- test -r "$DB"
assert_status 0 "staff account: can read it (group $G)"
# The entry point ignores the environment: no other database, no other clock.
run runuser -u "$ENT" -- env ROVIEC_DB=/nonexistent ROVIEC_NOW=2099-01-01T00:00:00Z \
	LANGUAGE=xx ROVIEC_LOCALEDIR="$T" "$T/bin/roviec-lookup" --db /nonexistent petition list <"$T/right"
assert_status 0 "roviec-lookup ignores arguments and ROVIEC_* variables"
assert_contains "roviec-lookup still reads the configured database" "Tracking code:   $CODE" "$OUT"

finish
