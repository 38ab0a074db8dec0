// A test double with other parameters: production calls never reach it.
export class FakeFiles {
  async getSignedUrl() {
    return "http://fake";
  }
}
