"""Test support shared by every test folder: profiles, the real server, generated people."""
