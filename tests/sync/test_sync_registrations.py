

def test_an_older_server_never_sees_a_registration_and_an_older_laptop_reads_the_feed(
        session, people, server, registered):
    from sync.client.registrations import send_registrations
    from sync.client.run import SyncReport
    from sync.protocol import StatusFeed

    pump = registered(server)
    regs = Registrations(session.store)
    held = regs.create(Registration.from_dict(people.family_data(AREA, TODAY)), today=TODAY)
    older = pump._capabilities().model_copy(update={"registrations": False})  # as a server without them says
    report = SyncReport()
    send_registrations(pump, report, older)
    assert report.registrations_synced == 0 and regs.get(held.uuid).sync_state == "pending"
    assert server.access_lines(f'"POST {REGISTRATIONS_PATH}') == 0

    assert pump.run_once().registrations_synced == 1
    kk, niks = people.issued_for(regs.get(held.uuid).registration.to_dict())
    server_cli("registrations", "issue", held.uuid, *server.cli_args, "--kk", kk, *sum((["--nik", n] for n in niks), []))
    headers = {protocol.PROTOCOL_HEADER: "1.2", "Authorization": f"Bearer {pump.settings.get(Keys.TOKEN)}"}
    body = requests.get(server.url + "/status", params={"since": 0}, headers=headers, timeout=30).json()
    assert [r["uuid"] for r in body["registrations"]] == [held.uuid]
    older_feed = StatusFeed.model_validate(body)  # a 1.2 laptop's model: the extra list is ignored
    assert older_feed.next_cursor == body["registrations"][0]["seq"] and older_feed.items == []
