# A same-named function of an unrelated module, and recursion: both silent.
def signed_link(key, ttl):
    return "https://cdn.example.com/" + key


def use_it():
    return signed_link("a", 999999)


def recurse(key, ttl):
    return recurse(key, ttl * 2)


def start():
    return recurse("k", 999999)
