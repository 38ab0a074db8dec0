rootProject.name = "kotlin-app"
