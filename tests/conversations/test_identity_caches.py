"""The ingester's per-process caches of parsed numbers and ciphertexts change no answer."""

import base64

import pytest
from django.test import override_settings

from conversations.whatsapp import identity


def test_a_number_gives_the_same_answer_and_a_bad_one_the_same_error_every_time():
    for _ in range(2):
        assert identity.normalize_phone("6591234567") == "+6591234567"
        assert identity.normalize_phone(" +65 9123 4567 ") == "+6591234567"
        with pytest.raises(identity.InvalidPhoneNumber, match="not a phone number"):
            identity.normalize_phone("call me")
        with pytest.raises(identity.InvalidPhoneNumber, match="not a possible phone number"):
            identity.normalize_phone("+65 12")


def test_a_reused_ciphertext_decrypts_and_a_new_key_gets_its_own():
    first = identity.encrypt_for_batch("+6591234567")
    assert identity.encrypt_for_batch("+6591234567") == first
    assert identity.decrypt_phone(first) == "+6591234567"
    assert identity.encrypt_for_batch("") == ""
    other_key = base64.urlsafe_b64encode(b"another-32-byte-field-key-here!!").decode()
    with override_settings(FIELD_ENCRYPTION_KEY=other_key):
        under_new_key = identity.encrypt_for_batch("+6591234567")
        assert under_new_key != first
        assert identity.decrypt_phone(under_new_key) == "+6591234567"
