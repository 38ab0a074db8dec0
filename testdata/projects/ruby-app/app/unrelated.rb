# A same-named function of an unrelated module, and recursion: both silent.
module Unrelated
  def self.signed_link(key, ttl)
    "https://cdn.example.com/" + key
  end

  def self.use_it
    signed_link("a", 999999)
  end

  def self.recurse(key, ttl)
    recurse(key, ttl * 2)
  end

  def self.start
    recurse("k", 999999)
  end
end
