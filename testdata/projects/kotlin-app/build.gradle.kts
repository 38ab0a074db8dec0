plugins {
    kotlin("jvm") version "2.0.0"
}

group = "com.acme"
version = "1.0"
