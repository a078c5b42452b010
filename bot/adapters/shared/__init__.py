"""What the console, Slack and Discord adapters share: text helpers every renderer uses
(`render`) and the base class of adapters whose posts carry a delivery key (`keyed`). The
platform packages import this, never one another."""
