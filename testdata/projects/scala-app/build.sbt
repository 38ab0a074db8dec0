name := "scala-app"
scalaVersion := "2.13.14"
libraryDependencies += "software.amazon.awssdk" % "s3" % "2.25.60"
