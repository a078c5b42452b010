"""How coverage writes money: currency signs, codes and words, and scale words."""

from __future__ import annotations

SCALE_PATTERN = r"(?:\s?(?:million|billion|trillion|bn|mn|tn|m|b|k)\b)"
CURRENCY_WORD_PATTERN = (
    r"(?:(?:U\.S\.|US|Australian|Singapore|Hong Kong|New Zealand)\s)?"
    r"(?:dollars?|dollar|euros?|yen|yuan|renminbi|won|rupees?|ringgit|baht|pesos?|rupiah|dong|"
    r"riyals?|dirhams?|pounds?)"
)
CURRENCY_SIGN_PATTERN = (
    r"(?:(?:US|A|S|NZ|HK|C|NT)?\$|€|£|¥|₹|(?:EUR|USD|RMB|CNY|JPY|KRW|INR|SGD|AUD|MYR|IDR|Rp)\s?)"
)
