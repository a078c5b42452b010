"""What the console, Slack and Discord adapters share: text helpers every renderer uses
(`render`), the base class of adapters whose posts carry a delivery key (`keyed`), and the
error a post to an unusable channel raises (`errors`). The platform packages import this,
never one another."""
