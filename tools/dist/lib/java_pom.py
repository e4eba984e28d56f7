"""Writes the Java SDK's release pom.xml (stdout) for tools/dist/java.sh.

Coordinates and dependencies come from the generated build.gradle (schema.json's language.java), the
descriptive fields Maven Central requires (name, description, url, licenses, developers, scm) from
schema.json, so the pom says what the Gradle publication would.

    python3 java_pom.py SCHEMA_JSON BUILD_GRADLE VERSION
"""

import json
import re
import sys
from xml.sax.saxutils import escape

schema_path, gradle_path, version = sys.argv[1:4]
schema = json.load(open(schema_path))
gradle = open(gradle_path).read()


def gradle_field(name: str) -> str:
    match = re.search(rf'{name} = "([^"]+)"', gradle)
    if not match:
        sys.exit(f"{gradle_path} has no {name}: regenerate sdk/java (make gen)")
    return match.group(1)


dependencies = re.findall(r'implementation\("([^:"]+):([^:"]+):([^:"]+)"\)', gradle)
if not dependencies:
    sys.exit(f"{gradle_path} declares no implementation dependencies")
licenses = {"Apache-2.0": "https://www.apache.org/licenses/LICENSE-2.0.txt"}
license_name = schema["license"]
repository = schema["repository"]

x = lambda value: escape(str(value))  # noqa: E731
deps = "\n".join(
    f"""    <dependency>
      <groupId>{x(g)}</groupId>
      <artifactId>{x(a)}</artifactId>
      <version>{x(v)}</version>
    </dependency>"""
    for g, a, v in dependencies
)
print(f"""<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 http://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <groupId>{x(gradle_field("groupId"))}</groupId>
  <artifactId>{x(gradle_field("artifactId"))}</artifactId>
  <version>{x(version)}</version>
  <packaging>jar</packaging>
  <name>{x(schema.get("displayName", schema["name"]))}</name>
  <description>{x(schema["description"])}</description>
  <url>{x(schema["homepage"])}</url>
  <licenses>
    <license>
      <name>{x(license_name)}</name>
      <url>{x(licenses[license_name])}</url>
    </license>
  </licenses>
  <developers>
    <developer>
      <name>{x(schema["publisher"])}</name>
      <url>{x(schema["homepage"])}</url>
    </developer>
  </developers>
  <scm>
    <url>{x(repository)}</url>
    <connection>scm:git:{x(repository)}.git</connection>
  </scm>
  <properties>
    <maven.compiler.release>11</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
{deps}
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-compiler-plugin</artifactId>
        <version>3.13.0</version>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-resources-plugin</artifactId>
        <version>3.3.1</version>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-jar-plugin</artifactId>
        <version>3.4.2</version>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-source-plugin</artifactId>
        <version>3.3.1</version>
        <executions>
          <execution>
            <id>attach-sources</id>
            <goals><goal>jar-no-fork</goal></goals>
          </execution>
        </executions>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-javadoc-plugin</artifactId>
        <version>3.11.2</version>
        <configuration>
          <!-- The generated sources' doc comments are not all doclint-clean. -->
          <doclint>none</doclint>
          <quiet>true</quiet>
        </configuration>
        <executions>
          <execution>
            <id>attach-javadocs</id>
            <goals><goal>jar</goal></goals>
          </execution>
        </executions>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-install-plugin</artifactId>
        <version>3.1.3</version>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-deploy-plugin</artifactId>
        <version>3.1.3</version>
      </plugin>
    </plugins>
  </build>
</project>""")
